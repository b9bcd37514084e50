package vn.gov.egov.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demonstration profile: loads the demonstration procedures (the simulator's set, copied into the platform) when the
 * catalog is empty, so the demonstration shows procedures without the simulator running.
 */
@Component
@ConditionalOnProperty(name = "egov.demo.enabled", havingValue = "true")
@Order(50) // after the shared catalogs (order 10): fields and agencies are validated against them
class DemonstrationProcedures implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemonstrationProcedures.class);
    static final String RESOURCE = "procedure/demo-procedures.json";

    private final ProcedureStore store;
    private final ImportingProcedures importing;

    DemonstrationProcedures(ProcedureStore store, ImportingProcedures importing) {
        this.store = store;
        this.importing = importing;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (store.count() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            SyncResult result = importing.importRecords("demonstration:" + RESOURCE,
                    NationalProcedureDatabase.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            LOG.info("Demonstration procedures loaded: {} new, {} refused {}", result.created(), result.errors().size(), result.errors());
        }
    }
}
