package vn.gov.egov;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stop the platform and start it again on the same data directory: nothing is lost and nothing is loaded twice. */
class PersistenceAcrossRestartTest {

    @Test
    void theEmbeddedDatabaseKeepsItsDataBetweenRuns() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "test-data", "restart-" + UUID.randomUUID()));
        long versionsAfterFirstRun;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("INSERT INTO catalog_change (catalog_code, kind, summary, changed_by) VALUES ('religions', 'EDIT', 'Đánh dấu khởi động lại', 'test')")
                    .update();
            versionsAfterFirstRun = jdbc.sql("SELECT count(*) FROM catalog_entry_version").query(Long.class).single();
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
        // an operator adds a catalog by configuration only: a definition and its data in <data dir>/catalogs
        Path operatorCatalogs = Files.createDirectories(dataDir.resolve("catalogs"));
        Files.writeString(operatorCatalogs.resolve("health-facilities.json"), """
                {"code": "health-facilities", "name": "Cơ sở y tế", "hierarchical": false, "codePattern": "[A-Z0-9]{2,10}",
                 "attributes": [{"name": "beds", "label": "Số giường", "type": "INTEGER", "required": true}],
                 "datasets": [{"id": "health-facilities/v1", "entries": "health-facilities.csv"}]}
                """);
        Files.writeString(operatorCatalogs.resolve("health-facilities.csv"), """
                code,name,valid_from,beds
                BVDKT,Bệnh viện Đa khoa tỉnh Lạng Sơn,2020-01-01,750
                """);

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT summary FROM catalog_change WHERE changed_by = 'test'").query(String.class).single())
                    .isEqualTo("Đánh dấu khởi động lại");
            assertThat(jdbc.sql("SELECT count(*) FROM catalog_entry_version WHERE catalog_code <> 'health-facilities'")
                    .query(Long.class).single()).as("reference data is not loaded twice").isEqualTo(versionsAfterFirstRun);
            assertThat(jdbc.sql("SELECT current_setting('server_version_num')::int / 10000").query(Integer.class).single())
                    .isEqualTo(17);
            var hospital = second.getBean(vn.gov.egov.catalog.SharedCatalogs.class)
                    .entry("health-facilities", "BVDKT", java.time.LocalDate.of(2025, 1, 1)).orElseThrow();
            assertThat(hospital.name()).isEqualTo("Bệnh viện Đa khoa tỉnh Lạng Sơn");
            assertThat(hospital.attribute("beds")).isEqualTo("750");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(EgovPlatformApplication.class)
                .profiles("test")
                .run("--server.port=0", "--egov.data-dir=" + dataDir.toAbsolutePath());
    }
}
