package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.eform.DemonstrationFormsForTests;
import vn.gov.egov.eform.ProcedureForms;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;

/**
 * For tests that need dossiers: the procedure catalog synchronised from the simulator, the demonstration form of
 * 1.000001 (criminal-record certificate, Department of Justice SO-TP), a one-stop officer of SO-TP, and an online
 * submission by the first VNeID test identity.
 */
public abstract class DossierTestSupport extends PlatformTest {

    /** A one-stop officer of the Department of Justice (SO-TP). */
    public static final String DESK = "desk-so-tp";
    /** A one-stop officer of the Department of Finance (SO-TC). */
    public static final String OTHER_DESK = "desk-so-tc";
    public static final String CITIZEN = DossierFixtures.CITIZEN;
    public static final String PROCEDURE = DossierFixtures.PROCEDURE;

    private static volatile boolean catalogReady;

    @Autowired
    protected ObjectMapper json;

    @Autowired
    protected TestOfficials testOfficials;

    @Autowired
    private ProcedureForms forms;

    @BeforeEach
    void dossierPrerequisites() throws Exception {
        if (!catalogReady) {
            synchronized (DossierTestSupport.class) {
                if (!catalogReady) {
                    HttpResponse<String> sync = asAdmin("POST", "/api/v1/procedures/sync?full=true", null, null);
                    assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
                    // 1.000001's form, loaded like all the demonstration forms (version 1, marked demonstration) whichever
                    // test class is the first to load them
                    DemonstrationFormsForTests.load(forms, json);
                    assertThat(forms.current(PROCEDURE)).isPresent();
                    catalogReady = true;
                }
            }
        }
        knowOfficial(testOfficials.ensure(DESK, "Desk#So-Tu-Phap-2025", "Lê Thị Một Cửa", new Position(Role.ONE_STOP_OFFICER, "SO-TP", null)));
        knowOfficial(testOfficials.ensure(OTHER_DESK, "Desk#So-Tai-Chinh-2025", "Phạm Văn Tài", new Position(Role.ONE_STOP_OFFICER, "SO-TC", null)));
    }

    /** Submits a valid dossier for 1.000001 with the citizen's token; {@code marker} makes its file unique. Returns the code. */
    protected String submitOnline(String citizenToken, String marker) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers"))
                .header("Authorization", "Bearer " + citizenToken).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(DossierFixtures.validSubmission(marker)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("code").asString();
    }

    /** The test citizen's filled criminal-record certificate form, for the given purpose. */
    public static Map<String, Object> citizenForm(String purpose) {
        return DossierFixtures.form(purpose);
    }

    /** A one-page PDF, different for each {@code text}, of about {@code size} bytes. */
    protected static byte[] pdf(String text, int size) {
        return DossierFixtures.pdf(text, size);
    }
}
