package vn.gov.egov.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's directory after a run that was killed, and with two processes on it. */
class EmbeddedDataDirectoryTest {

    @TempDir
    Path root;

    private EmbeddedPostgres start() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(root.resolve("postgres")).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
    }

    @Test
    void aPostgresLeftByAKilledRunIsStoppedAndTheDatabaseStartsAgainWithItsData() throws Exception {
        EmbeddedPostgres left = start();
        try (Connection c = left.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table kept (v text); insert into kept values ('còn nguyên')");
        }
        // the run is killed: the operating system drops what its process held, its PostgreSQL keeps running
        dropHolds(left);
        long pid = postmasterPid();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).hasValue(true);

        try (EmbeddedDataDirectory held = EmbeddedDataDirectory.take(root)) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the left PostgreSQL is stopped").isFalse();
            try (EmbeddedPostgres again = start(); Connection c = again.getPostgresDatabase().getConnection();
                 ResultSet rows = c.createStatement().executeQuery("select v from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("còn nguyên");
            }
        }
    }

    /** What the operating system does for a killed process: zonky's own lock on the directory is released. */
    private static void dropHolds(EmbeddedPostgres postgres) throws Exception {
        java.lang.reflect.Field lock = EmbeddedPostgres.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(postgres)).release();
        java.lang.reflect.Field stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
        stream.setAccessible(true);
        ((java.io.FileOutputStream) stream.get(postgres)).close();
    }

    private long postmasterPid() throws java.io.IOException {
        return Long.parseLong(Files.readAllLines(root.resolve("postgres/postmaster.pid"), StandardCharsets.US_ASCII).get(0).strip());
    }

    @Test
    void aSecondProcessOnTheSameDirectoryIsRefusedWithTheReason() throws Exception {
        try (EmbeddedDataDirectory held = EmbeddedDataDirectory.take(root)) {
            assertThatThrownBy(() -> EmbeddedDataDirectory.take(root)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another platform process").hasMessageContaining("EGOV_DATA_DIR");
        }
        // released when the holder closes
        EmbeddedDataDirectory.take(root).close();
    }
}
