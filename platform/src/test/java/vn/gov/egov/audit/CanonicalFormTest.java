package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hashed form is fixed: the same entry must hash the same on any JVM, today and after any restart. */
class CanonicalFormTest {

    static final AuditRecord EDIT = AuditRecord.builder("CATALOG_EDIT", Outcome.SUCCESS)
            .at(Instant.parse("2026-11-27T07:13:00.123456789Z"))
            .actor(new Actor("admin", null, List.of("PROVINCE_ADMIN"), "H20.01"))
            .object("catalog", "religions")
            .changed("name", "Phật giáo", "Phật giáo Việt Nam")
            .from("127.0.0.1", "Mozilla/5.0")
            .requestId("req-12345678")
            .detail("reason", "Đổi tên \"theo\" QĐ 15/QĐ-UBND\n")
            .detail("b", "x\u0001")
            .build();

    @Test
    void theCanonicalFormIsSortedCompactJsonWithMicrosecondsAndTheHashIsItsSha256() {
        EntryContent content = EntryContent.of(EDIT, Instant.EPOCH);

        String canonical = CanonicalJson.hashed(42, content, "ab".repeat(32));

        // the same object written by an independent RFC 8785-style serializer (Python's json.dumps, sorted, compact)
        assertThat(canonical).isEqualTo("{\"action\":\"CATALOG_EDIT\",\"actor\":{\"agency\":\"H20.01\",\"id\":\"admin\","
                + "\"name\":null,\"roles\":[\"PROVINCE_ADMIN\"]},\"at\":\"2026-11-27T07:13:00.123456Z\","
                + "\"changedFields\":{\"name\":{\"after\":\"Phật giáo Việt Nam\",\"before\":\"Phật giáo\"}},"
                + "\"details\":{\"b\":\"x\\u0001\",\"reason\":\"Đổi tên \\\"theo\\\" QĐ 15/QĐ-UBND\\n\"},"
                + "\"objectId\":\"religions\",\"objectType\":\"catalog\",\"outcome\":\"SUCCESS\","
                + "\"previousHash\":\"" + "ab".repeat(32) + "\",\"requestId\":\"req-12345678\",\"sequence\":42,"
                + "\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"Mozilla/5.0\",\"v\":1}");
        assertThat(ChainHash.of(42, content, "ab".repeat(32)))
                .isEqualTo("ae11f114de6c937d261937390a029c496fb8d144cd299daa86945d462ca0350c");
    }

    @Test
    void theExportedLineIsTheHashedObjectPlusItsHash() {
        AuditEntry entry = AuditEntry.seal(42, EntryContent.of(EDIT, Instant.EPOCH), "ab".repeat(32));

        String line = CanonicalJson.line(entry);

        assertThat(line).contains(",\"hash\":\"ae11f114de6c937d261937390a029c496fb8d144cd299daa86945d462ca0350c\",");
        assertThat(line.replace(",\"hash\":\"" + entry.hash() + "\"", ""))
                .isEqualTo(CanonicalJson.hashed(42, entry.content(), entry.previousHash()));
    }

    @Test
    void anyChangeOfAFieldChangesTheHash() {
        AuditEntry entry = AuditEntry.seal(7, EntryContent.of(EDIT, Instant.EPOCH), AuditEntry.GENESIS);
        EntryContent c = entry.content();
        EntryContent otherObject = new EntryContent(c.at(), c.actorId(), c.actorName(), c.actorRoles(), c.actorAgency(),
                c.action(), c.objectType(), "buddhism", c.changedFields(), c.outcome(), c.sourceIp(), c.userAgent(),
                c.requestId(), c.details());
        EntryContent otherRoles = new EntryContent(c.at(), c.actorId(), c.actorName(), List.of("AUDITOR"), c.actorAgency(),
                c.action(), c.objectType(), c.objectId(), c.changedFields(), c.outcome(), c.sourceIp(), c.userAgent(),
                c.requestId(), c.details());
        EntryContent otherMoment = new EntryContent(c.at().plusNanos(1000), c.actorId(), c.actorName(), c.actorRoles(),
                c.actorAgency(), c.action(), c.objectType(), c.objectId(), c.changedFields(), c.outcome(), c.sourceIp(),
                c.userAgent(), c.requestId(), Map.of("b", "x"));

        assertThat(entry.intact()).isTrue();
        assertThat(new AuditEntry(7, otherObject, entry.previousHash(), entry.hash()).intact()).isFalse();
        assertThat(new AuditEntry(7, otherRoles, entry.previousHash(), entry.hash()).intact()).isFalse();
        assertThat(new AuditEntry(7, otherMoment, entry.previousHash(), entry.hash()).intact()).isFalse();
        assertThat(new AuditEntry(8, c, entry.previousHash(), entry.hash()).intact()).isFalse();
        assertThat(new AuditEntry(7, c, "1".repeat(64), entry.hash()).intact()).isFalse();
    }

    @Test
    void personalNumbersInFreeTextAreMaskedButIdentifiersAreNot() {
        AuditRecord record = AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS)
                .actor(Actor.user("officer-1"))
                .object("dossier", "000.00.12.H99-251127-0007")
                .changed("phone", "0912345678", "+84987654321")
                .detail("note", "Công dân 020123456789 gọi từ số 0912345678")
                .from("10.0.0.1", "Agent 020123456789")
                .build();
        AuditRecord failedLogin = AuditRecord.builder(AuditActions.LOGIN_FAILED, Outcome.FAILURE)
                .actor(Actor.user("020123456789")).build();

        EntryContent content = EntryContent.of(record, Instant.EPOCH);

        assertThat(content.changedFields().get("phone")).isEqualTo(new ChangedValue("091****678", "+84******321"));
        assertThat(content.details().get("note")).isEqualTo("Công dân 020******789 gọi từ số 091****678");
        assertThat(content.userAgent()).isEqualTo("Agent 020******789");
        assertThat(content.objectId()).isEqualTo("000.00.12.H99-251127-0007");
        assertThat(EntryContent.of(failedLogin, Instant.EPOCH).actorId()).isEqualTo("020******789");
    }

    @Test
    void textPostgresqlCannotKeepIsReplacedBeforeHashing() {
        assertThat(EntryContent.text("a\u0000b", 100)).isEqualTo("a\uFFFDb");
        assertThat(EntryContent.text("x\uD800y", 100)).isEqualTo("x\uFFFDy");
        assertThat(EntryContent.text("ok \uD83D\uDE00", 100)).isEqualTo("ok \uD83D\uDE00");
        assertThat(EntryContent.text("ab\uD83D\uDE00", 3)).isEqualTo("ab");
        assertThat(EntryContent.text("abcdef", 3)).isEqualTo("abc");
    }

    @Test
    void rolesAreSortedAndTheMomentDefaultsToNow() {
        AuditRecord record = AuditRecord.builder(AuditActions.LOGIN, Outcome.SUCCESS)
                .actor(new Actor("u", null, List.of("Z", "A", "Z"), null)).build();

        EntryContent content = EntryContent.of(record, Instant.parse("2026-01-01T00:00:00.000000999Z"));

        assertThat(content.actorRoles()).containsExactly("A", "Z");
        assertThat(content.at()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
