package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.PlatformTest;

/**
 * The chain in the database: appended, verified, tampered with, purged. Tampering happens in transactions that are
 * rolled back, so the shared database keeps an intact chain for the other tests.
 */
class AuditChainTest extends PlatformTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    ChainSealer sealer;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    AuditStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    VerifyAndExit command;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void appendedEntriesVerifyAsAnUnbrokenChain() {
        String run = UUID.randomUUID().toString();
        List<Long> sequences = List.of(recordAndSeal(run + "-1"), recordAndSeal(run + "-2"), recordAndSeal(run + "-3"));

        ChainVerification result = verifier.verify();

        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.firstBrokenSequence()).isNull();
        assertThat(result.headSequence()).isGreaterThanOrEqualTo(sequences.get(2));
        assertThat(result.entriesChecked()).isEqualTo(result.headSequence() - result.checkpointSequence());
        assertThat(sequences).isSorted();
        String previousOfSecond = jdbc.sql("SELECT previous_hash FROM audit_entry WHERE sequence_number = :s")
                .param("s", sequences.get(1)).query(String.class).single();
        assertThat(previousOfSecond).isEqualTo(store.hashOf(sequences.get(1) - 1).orElseThrow());
    }

    @Test
    void alteringOneEntryInTheDatabaseIsReportedAtExactlyItsSequenceNumber() {
        long altered = recordAndSeal("tamper-" + UUID.randomUUID());

        ChainVerification result = inRolledBackTransaction(() -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("UPDATE audit_entry SET actor_id = 'someone-else' WHERE sequence_number = :s").param("s", altered).update();
            return verifier.verify();
        });

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(altered);
        assertThat(result.problems()).extracting(ChainVerification.Problem::sequence, ChainVerification.Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(altered, ChainVerification.Kind.HASH_MISMATCH));
        assertThat(verifier.verify().ok()).as("after the rollback").isTrue();
    }

    @Test
    void anEntryAlteredAndRehashedBreaksTheLinkFromTheNextOne() {
        long altered = recordAndSeal("rehash-" + UUID.randomUUID());
        long next = recordAndSeal("rehash-next-" + UUID.randomUUID());
        AuditEntry original = entry(altered);
        EntryContent c = original.content();
        EntryContent forged = new EntryContent(c.at(), c.actorId(), c.actorName(), c.actorRoles(), c.actorAgency(),
                c.action(), c.objectType(), "forged", c.changedFields(), c.outcome(), c.sourceIp(), c.userAgent(),
                c.requestId(), c.details());
        String forgedHash = ChainHash.of(altered, forged, original.previousHash());

        ChainVerification result = inRolledBackTransaction(() -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("UPDATE audit_entry SET object_id = 'forged', hash = :h WHERE sequence_number = :s")
                    .param("h", forgedHash).param("s", altered).update();
            return verifier.verify();
        });

        assertThat(result.ok()).isFalse();
        assertThat(next).isGreaterThan(altered);
        assertThat(result.firstBrokenSequence()).isEqualTo(altered + 1);
        assertThat(result.problems()).first().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ChainVerification.Kind.PREVIOUS_HASH_MISMATCH);
            assertThat(p.sequence()).isEqualTo(altered + 1);
        });
    }

    @Test
    void aDeletedEntryIsReportedAsAGapAtItsSequenceNumber() {
        String run = UUID.randomUUID().toString();
        recordAndSeal(run + "-before");
        long deleted = recordAndSeal(run + "-deleted");
        recordAndSeal(run + "-after");

        ChainVerification result = inRolledBackTransaction(() -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("DELETE FROM audit_entry WHERE sequence_number = :s").param("s", deleted).update();
            return verifier.verify();
        });

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(deleted);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ChainVerification.Kind.SEQUENCE_GAP);
            assertThat(p.sequence()).isEqualTo(deleted);
            assertThat(p.detail()).contains("entry " + deleted + " is missing");
        });
    }

    @Test
    void deletingTheNewestEntriesIsReportedAsATruncatedChain() {
        recordAndSeal("truncate-" + UUID.randomUUID());

        ChainVerification result = inRolledBackTransaction(() -> {
            long head = store.lockHead().sequence(); // no sealing meanwhile
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("DELETE FROM audit_entry WHERE sequence_number = :s").param("s", head).update();
            ChainVerification truncated = verifier.verify();
            assertThat(truncated.firstBrokenSequence()).isEqualTo(head);
            return truncated;
        });

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(ChainVerification.Problem::kind).containsExactly(ChainVerification.Kind.TRUNCATED);
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEntries() {
        long sequence = recordAndSeal("refused-" + UUID.randomUUID());

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET action = 'LOGIN' WHERE sequence_number = :s")
                .param("s", sequence).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE sequence_number = :s")
                .param("s", sequence).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_checkpoint SET hash = hash").update()).hasMessageContaining("append-only");
        // the purge's switch alone does not open entries that no checkpoint covers
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> store.purgeBatch(sequence, 10)))
                .hasMessageContaining("append-only");
        assertThat(store.hashOf(sequence)).isPresent();
    }

    @Test
    void concurrentAppendsFromManyThreadsKeepOneUnbrokenChain() throws Exception {
        String run = "concurrent-" + UUID.randomUUID();
        int writers = 8;
        int perWriter = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        int n = i;
                        // half inside a transaction with other work, half on their own
                        if (n % 2 == 0) {
                            transactions.executeWithoutResult(status -> trail.record(testRecord(run, writer + "-" + n)));
                        } else {
                            trail.record(testRecord(run, writer + "-" + n));
                        }
                    }
                }));
            }
            for (int s = 0; s < 3; s++) { // sealers on "other nodes", racing the background one
                work.add(pool.submit((Callable<Integer>) () -> {
                    int sealed = 0;
                    for (int i = 0; i < 20; i++) {
                        sealed += sealer.sealPending();
                    }
                    return sealed;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        sealer.sealPending();

        List<Long> sequences = jdbc.sql("SELECT sequence_number FROM audit_entry WHERE object_type = :t ORDER BY 1")
                .param("t", run).query(Long.class).list();
        ChainVerification result = verifier.verify();

        assertThat(sequences).hasSize(writers * perWriter).doesNotHaveDuplicates();
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.headSequence()).isGreaterThanOrEqualTo(sequences.get(sequences.size() - 1));
    }

    @Test
    void theRetentionPurgeRemovesOldEntriesAndKeepsTheChainVerifiableFromItsCheckpoint() {
        long old = recordAndSeal("purge-old-" + UUID.randomUUID());
        Instant cutoff = Instant.now();
        RetentionPurge purge = new RetentionPurge(store, sealer, transactions, Period.ofMonths(3), 50, null, Clock.systemUTC());

        RetentionPurge.Result result = purge.purgeBefore(cutoff);
        long kept = recordAndSeal("purge-new-" + UUID.randomUUID());
        ChainVerification verification = verifier.verify();

        assertThat(result.upToSequence()).isGreaterThanOrEqualTo(old);
        assertThat(result.deleted()).isPositive();
        assertThat(store.hashOf(old)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE sequence_number <= :s").param("s", result.upToSequence())
                .query(Long.class).single()).isZero();
        assertThat(store.latestCheckpoint()).hasValueSatisfying(c -> assertThat(c.sequence()).isEqualTo(result.upToSequence()));
        assertThat(verification.ok()).as(verification.toString()).isTrue();
        assertThat(verification.checkpointSequence()).isEqualTo(result.upToSequence());
        assertThat(verification.headSequence()).isGreaterThanOrEqualTo(kept);
        AuditEntry purged = entry(result.upToSequence() + 1);
        assertThat(purged.content().action()).isEqualTo(ChainVerifier.PURGED);
        assertThat(purged.content().details()).containsEntry("upToSequence", String.valueOf(result.upToSequence()));
        assertThat(purge.purgeBefore(cutoff).deleted()).as("nothing more to purge").isZero();
    }

    @Test
    void aCheckpointThatNoPurgeRecordedIsReported() {
        long sequence = recordAndSeal("fake-checkpoint-" + UUID.randomUUID());

        ChainVerification result = inRolledBackTransaction(() -> {
            store.insertCheckpoint(new AuditStore.Checkpoint(sequence, store.hashOf(sequence).orElseThrow(), Instant.now()));
            return verifier.verify();
        });

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(ChainVerification.Problem::kind)
                .containsExactly(ChainVerification.Kind.UNCONFIRMED_CHECKPOINT);
    }

    @Test
    void thePurgeNeverRemovesWhatTheSyslogShipperHasNotSent() {
        String cursor = "test-soc-" + UUID.randomUUID();
        long sent = recordAndSeal("shipped-" + UUID.randomUUID());
        long unsent = recordAndSeal("unshipped-" + UUID.randomUUID());
        jdbc.sql("INSERT INTO audit_shipping_cursor (name, last_sequence, updated_at) VALUES (:n, :s, now())")
                .param("n", cursor).param("s", sent).update();
        RetentionPurge purge = new RetentionPurge(store, sealer, transactions, Period.ofMonths(3), 1000, cursor, Clock.systemUTC());

        RetentionPurge.Result result = purge.purgeBefore(Instant.now().plusSeconds(60));

        assertThat(result.upToSequence()).isEqualTo(sent);
        assertThat(store.hashOf(sent)).isEmpty();
        assertThat(store.hashOf(unsent)).isPresent();
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void theVerificationCommandPrintsOneJsonLineAndExitsZeroWhenIntactAndTwoWhenBroken() {
        long altered = recordAndSeal("command-" + UUID.randomUUID());
        ByteArrayOutputStream intact = new ByteArrayOutputStream();
        ByteArrayOutputStream broken = new ByteArrayOutputStream();

        int intactCode = command.verifyAndPrint(new PrintStream(intact, true, StandardCharsets.UTF_8));
        int brokenCode = inRolledBackTransaction(() -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("UPDATE audit_entry SET outcome = 'DENIED' WHERE sequence_number = :s").param("s", altered).update();
            return command.verifyAndPrint(new PrintStream(broken, true, StandardCharsets.UTF_8));
        });

        assertThat(intactCode).isZero();
        assertThat(intact.toString(StandardCharsets.UTF_8)).startsWith("{\"ok\":true,").hasLineCount(1);
        assertThat(brokenCode).isEqualTo(2);
        assertThat(broken.toString(StandardCharsets.UTF_8)).startsWith("{\"ok\":false,")
                .contains("\"firstBrokenSequence\":" + altered + ",").contains("HASH_MISMATCH");
    }

    @Test
    void aRecordPublishedAsAnEventIsWrittenAfterThePublishersCommit() {
        String id = "event-" + UUID.randomUUID();

        transactions.executeWithoutResult(status -> events.publishEvent(new AuditableEventOccurred(
                AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).actor(Actor.user("dossier-officer"))
                        .object("dossier", id).from("198.51.100.4", "Firefox").build())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            sealer.sealPending();
            AuditStore.Found found = store.search(new AuditQuery(null, null, null, null, "dossier", id, null, 0, 10));
            assertThat(found.items()).singleElement().satisfies(e -> {
                assertThat(e.content().actorId()).isEqualTo("dossier-officer");
                assertThat(e.content().sourceIp()).isEqualTo("198.51.100.4");
            });
        });
    }

    @Test
    void aRecordWithoutAnActorIsTheLoggedInUsersOrElseThePlatforms() {
        String id = "who-" + UUID.randomUUID();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "officer-7", null, List.of(new SimpleGrantedAuthority("ROLE_SPECIALIST"), new SimpleGrantedAuthority("SCOPE_x"))));
        try {
            trail.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("test-record", id + "-user").build());
        } finally {
            SecurityContextHolder.clearContext();
        }
        trail.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("test-record", id + "-system").build());
        sealer.sealPending();

        AuditEntry byUser = entry(sequenceOf(id + "-user"));
        AuditEntry bySystem = entry(sequenceOf(id + "-system"));

        assertThat(byUser.content().actorId()).isEqualTo("officer-7");
        assertThat(byUser.content().actorRoles()).containsExactly("SPECIALIST");
        assertThat(bySystem.content().actorId()).isEqualTo(Actor.SYSTEM_ID);
    }

    @Test
    void aRecordInARolledBackTransactionLeavesNoEntry() {
        String id = "rolled-back-" + UUID.randomUUID();

        inRolledBackTransaction(() -> {
            trail.record(testRecord("test-record", id));
            return null;
        });
        sealer.sealPending();

        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = :id").param("id", id).query(Long.class).single())
                .isZero();
    }

    private long recordAndSeal(String objectId) {
        trail.record(testRecord("test-record", objectId));
        sealer.sealPending();
        return sequenceOf(objectId);
    }

    private long sequenceOf(String objectId) {
        return jdbc.sql("SELECT sequence_number FROM audit_entry WHERE object_type = 'test-record' AND object_id = :id")
                .param("id", objectId).query(Long.class).single();
    }

    private AuditEntry entry(long sequence) {
        List<AuditEntry> found = store.after(sequence - 1, 1);
        assertThat(found).singleElement().extracting(AuditEntry::sequence).isEqualTo(sequence);
        return found.get(0);
    }

    static AuditRecord testRecord(String type, String id) {
        return AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS)
                .actor(new Actor("tester", "Người thử nghiệm", List.of("PROVINCE_ADMIN"), "H20.01"))
                .object(type, id)
                .changed("name", "Cũ", "Mới")
                .detail("reason", "thử nghiệm")
                .build();
    }

    private <T> T inRolledBackTransaction(Supplier<T> work) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
