package vn.gov.egov.eform;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Demonstration profile: the forms of some demonstration procedures, one resource per procedure named by its code
 * ({@code eform/demo/1.000001.json}), recorded as version 1 (marked demonstration) for a procedure that has no form yet.
 * When a demonstration form changed since (a data directory from an earlier release), its new text becomes the next
 * version, valid from today; a form an administrator published since is left alone.
 * Each is checked against the supported subset first: a broken definition stops the start-up, naming the file.
 */
@Component
@ConditionalOnProperty(name = "egov.demo.enabled", havingValue = "true")
@Order(60) // after the demonstration procedures (order 50)
class DemonstrationForms implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemonstrationForms.class);
    static final String LOCATION = "classpath:eform/demo/*.json";
    static final String CREATED_BY = "demonstration";

    private final Forms forms;
    private final ObjectMapper json;

    DemonstrationForms(Forms forms, ObjectMapper json) {
        this.forms = forms;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<String> loaded = load(LOCATION);
        LOG.info("Demonstration forms loaded for {}", loaded);
    }

    /** Loads the forms found at a resource pattern; returns the procedure codes that got a form now. */
    List<String> load(String location) throws IOException {
        List<DemoForm> definitions = read(location);
        List<String> loaded = new ArrayList<>();
        for (DemoForm definition : definitions) {
            List<FormDefinition> versions = forms.versions(definition.code());
            if (versions.isEmpty()) {
                forms.publish(definition.code(), LocalDate.of(2025, 1, 1), definition.schema(), CREATED_BY, true);
                loaded.add(definition.code());
            } else {
                FormDefinition latest = versions.get(versions.size() - 1);
                if (latest.demonstration() && CREATED_BY.equals(latest.createdBy()) && !latest.schema().equals(definition.schema())) {
                    forms.publish(definition.code(), LocalDate.now(Forms.VIETNAM), definition.schema(), CREATED_BY, true);
                    loaded.add(definition.code());
                }
            }
        }
        return loaded;
    }

    record DemoForm(String code, JsonNode schema) {
    }

    /** Reads and checks every definition before any is recorded. */
    List<DemoForm> read(String location) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location);
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        List<DemoForm> definitions = new ArrayList<>();
        for (Resource resource : resources) {
            String file = resource.getFilename();
            JsonNode schema;
            try (InputStream in = resource.getInputStream()) {
                schema = json.readTree(in);
            } catch (JacksonException e) {
                throw new IllegalStateException("Demonstration form " + file + " is not JSON: " + e.getOriginalMessage(), e);
            }
            try {
                FormSchemaCheck.check(schema);
            } catch (InvalidFormSchema e) {
                throw new IllegalStateException("Demonstration form " + file + " is not a valid form: " + e.getMessage(), e);
            }
            definitions.add(new DemoForm(file.substring(0, file.length() - ".json".length()), schema));
        }
        return definitions;
    }
}
