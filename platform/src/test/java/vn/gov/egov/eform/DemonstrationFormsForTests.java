package vn.gov.egov.eform;

import java.io.IOException;
import java.util.List;
import org.springframework.test.util.AopTestUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * For the tests of other modules that submit a demonstration procedure's real form: the demonstration forms
 * ({@code eform/demo/*.json}) loaded exactly as the demonstration profile and {@code EformTest} load them (version 1,
 * marked demonstration), whichever test class runs first in the shared test database; loading again changes nothing.
 */
public final class DemonstrationFormsForTests {

    private DemonstrationFormsForTests() {
    }

    /** Loads the demonstration forms that are not recorded yet; returns the procedure codes that got a form now. */
    public static List<String> load(ProcedureForms forms, ObjectMapper json) throws IOException {
        Forms target = AopTestUtils.getUltimateTargetObject(forms);
        return new DemonstrationForms(target, json).load(DemonstrationForms.LOCATION);
    }
}
