package vn.gov.egov.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.PlatformTest;

/**
 * Rotation against the real (embedded) PostgreSQL: a column of addresses sealed with the test profile's older key
 * is resealed with its active key, through a {@link SealedValueStore} written the way an owning module would.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyRotationIntegrationTest extends PlatformTest {

    private static final String PURPOSE = "personaldata.rotation_test.address";
    private static final Map<Long, String> ADDRESSES = new LinkedHashMap<>();

    static {
        String[] streets = {"Số 12 đường Trần Đăng Ninh", "Số 5 ngõ 2 đường Bà Triệu", "Thôn Bản Cưởm",
                "Số 88 đường Lê Lợi", "Tổ 3 khối 6", "Số 1 đường Hùng Vương", "Thôn Nà Pàn"};
        for (int i = 0; i < streets.length; i++) {
            ADDRESSES.put(i + 1L, streets[i] + ", Phường Tam Thanh, Tỉnh Lạng Sơn");
        }
    }

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PersonalDataProtection protection;
    @Autowired
    private PersonalDataProperties properties;
    @Autowired
    private RotatingKeys rotatingKeysOfThePlatform;

    @Autowired
    private List<SealedValueStore> storesOfThePlatform;

    /** Columns sealed with the identity key-encryption key (second-factor secrets, token signing keys): not this rotation's. */
    private static final Set<String> SEALED_WITH_ANOTHER_KEY = Set.of("official_account.totp_secret_sealed",
            "identity_signing_key.private_key_sealed");

    private PersonalDataProtection beforeRotation;

    @BeforeEach
    void createTheTable() {
        jdbc.sql("DROP TABLE IF EXISTS personaldata_rotation_test").update();
        jdbc.sql("CREATE TABLE personaldata_rotation_test (id bigint PRIMARY KEY, address text, address_lookup text)")
                .update();
        // the same keys, but the older one still active: how the values were sealed before the key change
        beforeRotation = new AesGcmProtection(KeyRing.from(new PersonalDataProperties(properties.keys(), null,
                "test-old", properties.indexKey(), true, properties.rotation())));
    }

    @AfterEach
    void dropTheTable() {
        jdbc.sql("DROP TABLE IF EXISTS personaldata_rotation_test").update();
    }

    @Test
    void theTestProfileSealsWithItsNewKeyAndStillOpensTheOldOne() {
        assertThat(protection.activeKeyId()).isEqualTo("test-new");
        String old = beforeRotation.seal(PURPOSE, ADDRESSES.get(1L));

        assertThat(old).startsWith("pd1:test-old:");
        assertThat(protection.open(PURPOSE, old)).isEqualTo(ADDRESSES.get(1L));
        assertThat(protection.seal(PURPOSE, ADDRESSES.get(1L))).startsWith("pd1:test-new:");
    }

    @Test
    void rotationResealsEveryOldValueInBatchesAndLeavesUnreadableOnesAsTheyAre(CapturedOutput output) {
        Map<Long, String> oldCiphertexts = new LinkedHashMap<>();
        ADDRESSES.forEach((id, address) -> {
            String sealed = beforeRotation.seal(PURPOSE, address);
            oldCiphertexts.put(id, sealed);
            insert(id, sealed, beforeRotation.lookupKey(PURPOSE, address));
        });
        String current = protection.seal(PURPOSE, "Số 9 đường Lý Thái Tổ, Phường Đông Kinh, Tỉnh Lạng Sơn");
        insert(8, current, null);
        insert(9, null, null);
        String tampered = beforeRotation.seal(PURPOSE, "Số 10 đường Ngô Quyền, Phường Lương Văn Tri, Tỉnh Lạng Sơn");
        insert(10, tampered.substring(0, 30) + (tampered.charAt(30) == 'A' ? 'B' : 'A') + tampered.substring(31), null);
        insert(11, beforeRotation.seal("dossier.applicant.address", "Số 11 đường Phai Vệ"), null);

        RotationReport report = new RotatingKeys(protection, () -> List.of(new AddressColumn()), 3).resealAll();

        assertThat(report.activeKeyId()).isEqualTo("test-new");
        RotationReport.Store column = report.stores().get(0);
        assertThat(column.purpose()).isEqualTo(PURPOSE);
        assertThat(column.resealed()).isEqualTo(7);
        assertThat(column.unreadableIds()).containsExactly("10", "11");
        assertThat(column.changedMeanwhile()).isZero();
        assertThat(column.failure()).isNull();
        assertThat(report.complete()).isFalse();

        ADDRESSES.forEach((id, address) -> {
            String stored = address(id);
            assertThat(protection.isSealedWithActiveKey(stored)).isTrue();
            assertThat(protection.open(PURPOSE, stored)).isEqualTo(address);
            assertThat(protection.open(PURPOSE, oldCiphertexts.get(id))).as("the old ciphertext still opens")
                    .isEqualTo(address);
        });
        assertThat(address(8)).as("already current: untouched").isEqualTo(current);
        assertThat(address(9)).isNull();
        assertThat(address(10)).startsWith("pd1:test-old:");

        String lookup = protection.lookupKey(PURPOSE, ADDRESSES.get(3L));
        assertThat(jdbc.sql("SELECT id FROM personaldata_rotation_test WHERE address_lookup = :lookup")
                .param("lookup", lookup).query(Long.class).single()).as("lookup keys survive the rotation").isEqualTo(3L);

        RotationReport again = new RotatingKeys(protection, () -> List.of(new AddressColumn()), 3).resealAll();
        assertThat(again.resealed()).isZero();
        assertThat(again.stores().get(0).unreadableIds()).containsExactly("10", "11");

        assertThat(output.getAll()).contains("Key rotation: value 10 of " + PURPOSE + " stays as it is");
        ADDRESSES.values().forEach(address -> assertThat(output.getAll()).doesNotContain(address.substring(0, 12)));
        properties.keys().values().forEach(key -> assertThat(output.getAll()).doesNotContain(key));
        assertThat(output.getAll()).doesNotContain(properties.indexKey());
    }

    @Test
    void aValueChangedWhileRotatingIsLeftToItsWriter() {
        insert(1, beforeRotation.seal(PURPOSE, ADDRESSES.get(1L)), null);
        String newer = protection.seal(PURPOSE, ADDRESSES.get(2L));
        SealedValueStore racing = new AddressColumn() {
            @Override
            public boolean replace(SealedValue current, String resealed) {
                jdbc.sql("UPDATE personaldata_rotation_test SET address = :newer WHERE id = 1").param("newer", newer)
                        .update();
                return super.replace(current, resealed);
            }
        };

        RotationReport report = new RotatingKeys(protection, () -> List.of(racing), 10).resealAll();

        assertThat(report.stores().get(0).changedMeanwhile()).isEqualTo(1);
        assertThat(report.stores().get(0).resealed()).isZero();
        assertThat(address(1)).isEqualTo(newer);
    }

    @Test
    void aStoreThatFailsIsReportedAndTheOthersStillRun() {
        insert(1, beforeRotation.seal(PURPOSE, ADDRESSES.get(1L)), null);
        SealedValueStore broken = new AddressColumn() {
            @Override
            public String purpose() {
                return "personaldata.rotation_test.broken";
            }

            @Override
            public List<SealedValue> batchNotSealedWith(String activeKeyId, String afterId, int limit) {
                throw new IllegalStateException("table is gone");
            }
        };

        RotationReport report = new RotatingKeys(protection, () -> List.of(broken, new AddressColumn()), 10).resealAll();

        assertThat(report.stores().get(0).failure()).isEqualTo("IllegalStateException: table is gone");
        assertThat(report.stores().get(1).complete()).isTrue();
        assertThat(report.resealed()).isEqualTo(1);
    }

    @Test
    void thePlatformsRotationWalksTheStoreBeansAndIsNotScheduledByDefault() {
        // every module's sealed columns (see the coverage test above); nothing is older than the active key here
        RotationReport report = rotatingKeysOfThePlatform.resealAll();

        assertThat(report.activeKeyId()).isEqualTo("test-new");
        assertThat(report.complete()).isTrue();
        assertThat(properties.rotation().cron()).isEqualTo("-");
        assertThat(properties.rotation().batchSize()).isEqualTo(200);
    }

    @Test
    void everySealedColumnOfTheSchemaIsResealedByThePlatformsRotation() {
        Set<String> schema = new TreeSet<>(jdbc.sql("select table_name || '.' || column_name from information_schema.columns"
                        + " where table_schema = current_schema() and column_name like '%sealed%'")
                .query(String.class).list());
        Map<String, SealedColumn> walked = new TreeMap<>();
        for (SealedValueStore store : storesOfThePlatform) {
            assertThat(store).as("a store the coverage check can place").isInstanceOf(SealedColumn.class);
            walked.put(((SealedColumn) store).location(), (SealedColumn) store);
        }
        Set<String> expected = new TreeSet<>(walked.keySet());
        expected.addAll(SEALED_WITH_ANOTHER_KEY);
        assertThat(schema).as("every sealed column is walked by the rotation or sealed with another key").isEqualTo(expected);

        // a citizen sealed with the older key, so that the identity module's columns hold such values too
        String personalId = "0200" + (System.nanoTime() % 100_000_000L + 100_000_000L);
        jdbc.sql("insert into citizen_account (id, personal_id_lookup, personal_id_sealed, full_name, address_sealed, phone_sealed,"
                        + " vneid_subject) values (:id, :lookup, :personalId, 'Lộc Văn Xoay', :address, :phone, :subject)")
                .param("id", UUID.randomUUID()).param("lookup", "rotation-test-" + personalId)
                .param("personalId", beforeRotation.seal(walked.get("citizen_account.personal_id_sealed").purpose(), personalId))
                .param("address", beforeRotation.seal(walked.get("citizen_account.address_sealed").purpose(), ADDRESSES.get(3L)))
                .param("phone", beforeRotation.seal(walked.get("citizen_account.phone_sealed").purpose(), "0912000123"))
                .param("subject", "rotation-test-" + personalId).update();

        // one value of every other column that holds any is put back under the older key
        Map<String, String> plain = new TreeMap<>();
        for (SealedColumn column : walked.values()) {
            List<SealedValue> some = column.batchNotSealedWith("no-such-key", null, 1);
            if (some.isEmpty()) {
                continue;
            }
            SealedValue value = some.get(0);
            String opened = protection.open(column.purpose(), value.sealed());
            if (!value.sealed().startsWith(PersonalDataProtection.sealedPrefix("test-old"))) {
                assertThat(column.replace(value, beforeRotation.seal(column.purpose(), opened))).isTrue();
            }
            plain.put(column.location() + "#" + value.id(), opened);
        }
        assertThat(plain.keySet()).as("the citizen's columns are among those rotated")
                .anyMatch(k -> k.startsWith("citizen_account.personal_id_sealed#"))
                .anyMatch(k -> k.startsWith("citizen_account.phone_sealed#"));

        RotationReport report = rotatingKeysOfThePlatform.resealAll();
        assertThat(report.complete()).isTrue();
        assertThat(report.resealed()).isGreaterThanOrEqualTo(plain.size());
        for (SealedColumn column : walked.values()) {
            assertThat(column.batchNotSealedWith("test-new", null, 1)).as(column.location() + ": nothing left under the older key")
                    .isEmpty();
        }
        assertThat(protection.open(walked.get("citizen_account.phone_sealed").purpose(),
                jdbc.sql("select phone_sealed from citizen_account where vneid_subject = :s").param("s", "rotation-test-" + personalId)
                        .query(String.class).single())).startsWith("0912000123");
    }

    private void insert(long id, String address, String lookup) {
        jdbc.sql("INSERT INTO personaldata_rotation_test (id, address, address_lookup) VALUES (:id, :address, :lookup)")
                .param("id", id).param("address", address).param("lookup", lookup).update();
    }

    private String address(long id) {
        return jdbc.sql("SELECT address FROM personaldata_rotation_test WHERE id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    /** A store as an owning module would write it: one column, keyset paging, compare-and-set replacement. */
    private class AddressColumn implements SealedValueStore {

        @Override
        public String purpose() {
            return PURPOSE;
        }

        @Override
        public List<SealedValue> batchNotSealedWith(String activeKeyId, String afterId, int limit) {
            return jdbc.sql("SELECT id, address FROM personaldata_rotation_test WHERE address IS NOT NULL"
                            + " AND NOT starts_with(address, :prefix) AND id > :after ORDER BY id LIMIT :limit")
                    .param("prefix", PersonalDataProtection.sealedPrefix(activeKeyId))
                    .param("after", afterId == null ? Long.MIN_VALUE : Long.parseLong(afterId))
                    .param("limit", limit)
                    .query((row, n) -> new SealedValue(Long.toString(row.getLong("id")), row.getString("address")))
                    .list();
        }

        @Override
        public boolean replace(SealedValue current, String resealed) {
            return jdbc.sql("UPDATE personaldata_rotation_test SET address = :resealed"
                            + " WHERE id = :id AND address = :current")
                    .param("resealed", resealed)
                    .param("id", Long.parseLong(current.id()))
                    .param("current", current.sealed())
                    .update() == 1;
        }
    }
}
