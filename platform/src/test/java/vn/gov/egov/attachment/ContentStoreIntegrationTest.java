package vn.gov.egov.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.PlatformTest;

/** The central repository's bytes in the content-addressed file store, PostgreSQL keeping the metadata. */
class ContentStoreIntegrationTest extends PlatformTest {

    @Autowired
    DossierFiles files;

    @Autowired
    FileContentStore fileStore;

    @Autowired
    OrphanSweeper sweeper;

    @Autowired
    IntegrityCheck integrity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    private CheckedFile checked(String salt) {
        return files.check(new Upload("Tờ khai", "to-khai.pdf", "application/pdf", TestFiles.pdf(1, salt + "-" + UUID.randomUUID())));
    }

    private StoredFile store(CheckedFile file, String dossierCode) {
        return transaction.execute(s -> files.store(file, new Provenance("ONLINE", dossierCode, "citizen-fs")));
    }

    private String location(String sha256) {
        return jdbc.sql("SELECT location FROM attachment_content WHERE sha256 = ?").param(sha256).query(String.class).single();
    }

    private boolean contentColumnIsNull(String sha256) {
        return jdbc.sql("SELECT content IS NULL FROM attachment_content WHERE sha256 = ?").param(sha256).query(Boolean.class).single();
    }

    private long count(String table, String sha256) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE sha256 = ?").param(sha256).query(Long.class).single();
    }

    private List<Path> everyFile() throws Exception {
        try (Stream<Path> walk = Files.walk(fileStore.root())) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aStoredFileLiesAtItsFanOutPathWithItsBytesAndTheRowSaysFs() throws Exception {
        CheckedFile file = checked("fan-out");
        StoredFile stored = store(file, "000.00.10.H20-261127-0101");

        String sha = stored.sha256();
        Path path = fileStore.root().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertThat(fileStore.root().toString()).as("under the test data directory").contains("test-data").endsWith("files");
        assertThat(path).isRegularFile();
        assertThat(Files.readAllBytes(path)).isEqualTo(file.content());
        assertThat(location(sha)).isEqualTo("fs");
        assertThat(contentColumnIsNull(sha)).as("no bytes in PostgreSQL").isTrue();
        assertThat(files.content(sha)).hasValue(file.content());
        assertThat(files.content(sha.toUpperCase())).hasValue(file.content());
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent()))).isEqualTo("rwx------");
        }
    }

    @Test
    void theSameContentTwiceIsOneFileOneRowTwoReferences() throws Exception {
        CheckedFile file = checked("twice");
        StoredFile first = store(file, "000.00.10.H20-261127-0102");
        Path path = fileStore.path(first.sha256());
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(Duration.ofDays(3))));

        StoredFile second = store(file, "000.00.10.H20-261127-0103");

        assertThat(second).isEqualTo(first);
        assertThat(count("attachment_content", first.sha256())).isEqualTo(1);
        assertThat(count("attachment_reference", first.sha256())).isEqualTo(2);
        try (Stream<Path> siblings = Files.list(path.getParent())) {
            assertThat(siblings.filter(p -> p.getFileName().toString().equals(first.sha256())
                    || p.getFileName().toString().startsWith(FileContentStore.TEMPORARY_PREFIX))).containsExactly(path);
        }
        assertThat(Files.getLastModifiedTime(path).toInstant()).as("touched: the sweeper's grace starts again")
                .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }

    @Test
    void aRolledBackStoreLeavesAnOrphanThatTheSweeperRemovesWhileReferencedFilesStay() {
        CheckedFile kept = checked("kept");
        StoredFile referenced = store(kept, "000.00.10.H20-261127-0104");
        CheckedFile refused = checked("rolled-back");

        transaction.executeWithoutResult(status -> {
            files.store(refused, new Provenance("ONLINE", null, "citizen-fs"));
            status.setRollbackOnly();
        });

        Path orphan = fileStore.path(refused.sha256());
        assertThat(count("attachment_content", refused.sha256())).isZero();
        assertThat(files.content(refused.sha256())).isEmpty();
        assertThat(orphan).as("written before the row, left by the rollback").isRegularFile();

        assertThat(sweeper.sweep(Duration.ofHours(24)).removed()).as("younger than the grace period").isZero();
        assertThat(orphan).exists();

        OrphanSweeper.Result result = sweeper.sweep(Duration.ZERO);

        assertThat(result.removed()).isGreaterThanOrEqualTo(1);
        assertThat(result.removedBytes()).isGreaterThanOrEqualTo(refused.content().length);
        assertThat(orphan).doesNotExist();
        assertThat(fileStore.path(referenced.sha256())).isRegularFile();
        assertThat(files.content(referenced.sha256())).hasValue(kept.content());
    }

    @Test
    void aFileWhoseLastUseIsReleasedIsSweptWhileAFileStillUsedStays() {
        CheckedFile draftOnly = checked("released");
        CheckedFile shared = checked("shared");
        transaction.executeWithoutResult(status -> {
            files.store(draftOnly, new Provenance("DRAFT", null, "citizen-release"));
            files.store(shared, new Provenance("DRAFT", null, "citizen-release"));
        });
        store(shared, "000.00.10.H20-261127-0106");

        transaction.executeWithoutResult(status -> {
            files.release(draftOnly.sha256(), new Provenance("DRAFT", null, "citizen-release"));
            files.release(shared.sha256(), new Provenance("DRAFT", null, "citizen-release"));
            files.release(shared.sha256(), new Provenance("DRAFT", null, "someone-else"));
        });

        assertThat(count("attachment_reference", draftOnly.sha256())).isZero();
        assertThat(count("attachment_reference", shared.sha256())).as("the dossier's reference; another's release touches nothing")
                .isEqualTo(1);
        assertThat(sweeper.sweep(Duration.ofHours(24)).unused()).as("younger than the grace period").isZero();
        assertThat(count("attachment_content", draftOnly.sha256())).isEqualTo(1);

        OrphanSweeper.Result result = sweeper.sweep(Duration.ZERO);

        assertThat(result.unused()).isGreaterThanOrEqualTo(1);
        assertThat(count("attachment_content", draftOnly.sha256())).isZero();
        assertThat(fileStore.path(draftOnly.sha256())).as("its file swept in the same run").doesNotExist();
        assertThat(files.content(shared.sha256())).hasValue(shared.content());
    }

    @Test
    void aRefusedFileNeverReachesTheStoreAndLeavesNoFile() throws Exception {
        int before = everyFile().size();
        byte[] notAPdf = "%PDF-1.7 but not really a PDF".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(
                () -> files.check(new Upload("Tờ khai", "to-khai.pdf", "application/pdf", notAPdf))).isInstanceOf(RejectedFile.class);

        assertThat(everyFile()).hasSize(before);
        assertThat(fileStore.path(FileChecks.sha256(notAPdf))).doesNotExist();
    }

    @Test
    void aStaleTemporaryFileIsSweptAndAForeignFileIsLeftAlone() throws Exception {
        StoredFile stored = store(checked("temporary"), "000.00.10.H20-261127-0105");
        Path directory = fileStore.path(stored.sha256()).getParent();
        Path temporary = Files.writeString(directory.resolve(FileContentStore.TEMPORARY_PREFIX + "crashed.part"), "half");
        Path foreign = Files.writeString(directory.resolve("README"), "not a hash");

        sweeper.sweep(Duration.ZERO);

        assertThat(temporary).doesNotExist();
        assertThat(foreign).exists();
        Files.delete(foreign);
    }

    @Test
    void aRowWrittenInDatabaseModeIsStillReadInFilesystemMode() {
        CentralRepository databaseMode = new CentralRepository(jdbc, AttachmentProperties.defaults(),
                new DatabaseContentStore(jdbc), fileStore);
        CheckedFile file = checked("database-mode");

        StoredFile stored = transaction.execute(s -> databaseMode.store(file, new Provenance("IN_PERSON", null, "can-bo-db")));

        assertThat(location(stored.sha256())).isEqualTo("db");
        assertThat(contentColumnIsNull(stored.sha256())).isFalse();
        assertThat(fileStore.path(stored.sha256())).doesNotExist();
        assertThat(files.content(stored.sha256())).as("the platform's own bean, in filesystem mode").hasValue(file.content());
        assertThat(new DatabaseContentStore(jdbc).read(stored.sha256(), true)).hasValue(file.content());
        // and a file written in filesystem mode is read by a database-mode repository
        StoredFile onDisk = store(checked("read-across"), null);
        assertThat(databaseMode.content(onDisk.sha256())).isPresent();
    }

    @Test
    void theIntegrityCheckReportsAMissingAndADamagedFile() throws Exception {
        StoredFile lost = store(checked("lost"), "000.00.10.H20-261127-0106");
        StoredFile damaged = store(checked("damaged"), "000.00.10.H20-261127-0107");
        StoredFile intact = store(checked("intact"), "000.00.10.H20-261127-0108");
        Files.delete(fileStore.path(lost.sha256()));
        byte[] bytes = Files.readAllBytes(fileStore.path(damaged.sha256()));
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(fileStore.path(damaged.sha256()), bytes);
        try {
            assertThat(integrity.check())
                    .contains(new IntegrityCheck.Problem(lost.sha256(), IntegrityCheck.Finding.MISSING),
                            new IntegrityCheck.Problem(damaged.sha256(), IntegrityCheck.Finding.WRONG_HASH))
                    .noneMatch(p -> p.sha256().equals(intact.sha256()));
            assertThat(fileStore.read(damaged.sha256(), false)).isPresent();
        } finally {
            // leave nothing broken behind for the rest of the suite
            jdbc.sql("DELETE FROM attachment_reference WHERE sha256 IN (?, ?)").params(lost.sha256(), damaged.sha256()).update();
            jdbc.sql("DELETE FROM attachment_content WHERE sha256 IN (?, ?)").params(lost.sha256(), damaged.sha256()).update();
            Files.deleteIfExists(fileStore.path(damaged.sha256()));
        }
        assertThat(integrity.check()).noneMatch(p -> p.sha256().equals(lost.sha256()) || p.sha256().equals(damaged.sha256()));
    }

    @Test
    void eightThreadsStoringTheSameContentLeaveOneFileAndNoTemporaryFiles() throws Exception {
        CheckedFile file = checked("concurrent");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<StoredFile>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String code = "000.00.10.H20-261127-02%02d".formatted(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return store(file, code);
                }));
            }
            start.countDown();
            for (Future<StoredFile> result : results) {
                assertThat(result.get().sha256()).isEqualTo(file.sha256());
            }
        } finally {
            pool.shutdownNow();
        }

        Path path = fileStore.path(file.sha256());
        assertThat(Files.readAllBytes(path)).isEqualTo(file.content());
        assertThat(everyFile()).filteredOn(p -> p.getFileName().toString().equals(file.sha256())).containsExactly(path);
        assertThat(everyFile()).noneMatch(p -> p.getFileName().toString().startsWith(FileContentStore.TEMPORARY_PREFIX));
        assertThat(count("attachment_content", file.sha256())).isEqualTo(1);
        assertThat(count("attachment_reference", file.sha256())).isEqualTo(8);
    }
}
