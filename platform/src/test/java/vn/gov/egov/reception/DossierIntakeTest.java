package vn.gov.egov.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.AttachedDocument;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierTestSupport;
import vn.gov.egov.dossier.IncomingDossier;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.dossier.Violation;

/**
 * The intake loop every delivering system shares, against a system that fails in every way it can: an answer that
 * does not arrive, an item without a reference, a refusal it cannot take, a poll that cannot reach it. Nothing is
 * registered twice, nothing refused is registered, and every item is answered once the system is reachable again.
 */
class DossierIntakeTest extends DossierTestSupport {

    @Autowired
    DossierIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailingSystemGetsEveryAnswerOnceItIsReachableAndNothingIsRegisteredTwice() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = "TEST-GOOD-" + run;
        String unknown = "TEST-UNKNOWN-" + run;
        FlakySystem system = new FlakySystem();
        system.items.add(item(good, "1.000001", "ONLINE"));
        system.items.add(item(unknown, "9.999997", "ONLINE"));
        system.items.add(item(null, "1.000001", "ONLINE"));
        system.items.add(item("TEST-BAD-DELIVERY-" + run, "1.000001", "BY_PIGEON"));
        system.acknowledgementFails.add(good);
        system.refusalFails = true;

        DossierIntake.Result first = intake.poll(system);
        assertThat(first.fetched()).isEqualTo(4);
        assertThat(first.registered()).isZero();
        assertThat(first.refused()).as("the unknown procedure and the unknown delivery").isEqualTo(2);
        assertThat(first.failed()).as("the unanswered acknowledgement and the item without a reference").isEqualTo(2);
        DossierIntake.Entry registered = intake.find(DossierChannel.NATIONAL_PORTAL, good).orElseThrow();
        assertThat(registered.outcome()).isEqualTo("REGISTERED");
        assertThat(registered.acknowledgedAt()).as("the system did not take the answer").isNull();
        DossierIntake.Entry refused = intake.find(DossierChannel.NATIONAL_PORTAL, unknown).orElseThrow();
        assertThat(refused.refused()).isTrue();
        assertThat(refused.reasons()).contains("9.999997");
        assertThat(refused.toldAt()).as("the system could not take the refusal").isNull();
        assertThat(intake.find(DossierChannel.NATIONAL_PORTAL, "TEST-BAD-DELIVERY-" + run).orElseThrow().reasons())
                .contains("BY_PIGEON", "không được hỗ trợ");
        DossierIntake.Poll afterFirst = intake.lastPoll(DossierChannel.NATIONAL_PORTAL).orElseThrow();
        assertThat(afterFirst.lastError()).isEqualTo("2 hồ sơ chưa nhận được do lỗi; sẽ thử lại ở lần đồng bộ sau");
        assertThat(afterFirst.fetched()).isEqualTo(4);

        system.acknowledgementFails.clear();
        system.refusalFails = false;
        DossierIntake.Result second = intake.poll(system);
        assertThat(second.registered()).as("registered again: the same dossier, acknowledged now").isEqualTo(1);
        assertThat(second.refused()).as("refused before: told, not refused again").isZero();
        DossierIntake.Entry acknowledged = intake.find(DossierChannel.NATIONAL_PORTAL, good).orElseThrow();
        assertThat(acknowledged.acknowledgedAt()).isNotNull();
        assertThat(acknowledged.dossierCode()).isEqualTo(registered.dossierCode());
        assertThat(system.acknowledged).containsExactly(good + "=" + registered.dossierCode());
        assertThat(system.refusals).containsExactlyInAnyOrder(unknown, "TEST-BAD-DELIVERY-" + run);
        assertThat(intake.find(DossierChannel.NATIONAL_PORTAL, unknown).orElseThrow().toldAt()).isNotNull();
        assertThat(jdbc.sql("select count(*) from dossier where external_reference = ?").param(good).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from dossier where external_reference = ?").param(unknown).query(Integer.class).single())
                .isZero();
        assertThat(intake.recent(DossierChannel.NATIONAL_PORTAL, 500)).extracting(DossierIntake.Entry::reference).contains(good, unknown);
        assertThat(intake.recent(DossierChannel.BY_POST, 500)).extracting(DossierIntake.Entry::reference).doesNotContain(good, unknown);
        DossierIntake.Poll afterSecond = intake.lastPoll(DossierChannel.NATIONAL_PORTAL).orElseThrow();

        // a system that keeps offering what it was told is not told again at every poll
        intake.poll(system);
        assertThat(system.refusals).as("told once").hasSize(2);
        assertThat(system.acknowledged).as("acknowledged again: the same code, harmless").allMatch(a -> a.equals(good + "=" + registered.dossierCode()));
        afterSecond = intake.lastPoll(DossierChannel.NATIONAL_PORTAL).orElseThrow();

        system.unreachable = true;
        assertThat(intake.poll(system)).isEqualTo(new DossierIntake.Result(0, 0, 0, 1));
        DossierIntake.Poll unreachable = intake.lastPoll(DossierChannel.NATIONAL_PORTAL).orElseThrow();
        assertThat(unreachable.lastError()).isEqualTo("Không lấy được hồ sơ từ Hệ thống thử: connection refused");
        assertThat(unreachable.lastSuccessAt()).as("the last success is kept").isEqualTo(afterSecond.lastSuccessAt());
        assertThat(second.summary("hồ sơ")).isEqualTo("Đã đồng bộ: 4 hồ sơ lấy về, 1 đã đăng ký, 0 bị từ chối, 1 lỗi.");
    }

    private JsonNode item(String reference, String procedureCode, String delivery) throws Exception {
        Map<String, Object> form = citizenForm("Bổ sung hồ sơ xin việc");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference", reference);
        item.put("procedureCode", procedureCode);
        item.put("agencyCode", "SO-TP");
        item.put("form", form);
        item.put("documents", List.of(Map.of("requiredDocument", "Căn cước công dân hoặc hộ chiếu", "fileName", "cccd.pdf",
                "mediaType", "application/pdf", "contentBase64", Base64.getEncoder().encodeToString(pdf("CCCD " + reference, 0)))));
        item.put("resultDelivery", delivery);
        return json.readTree(json.writeValueAsString(item));
    }

    /** A delivering system that keeps offering its items and fails where it is told to. */
    static final class FlakySystem implements DeliveringSystem {

        final List<JsonNode> items = new ArrayList<>();
        final Set<String> acknowledgementFails = new HashSet<>();
        final List<String> acknowledged = new ArrayList<>();
        final List<String> refusals = new ArrayList<>();
        boolean refusalFails;
        boolean unreachable;

        @Override
        public DossierChannel channel() {
            return DossierChannel.NATIONAL_PORTAL;
        }

        @Override
        public String name() {
            return "Hệ thống thử";
        }

        @Override
        public String itemName() {
            return "hồ sơ";
        }

        @Override
        public List<JsonNode> waiting(int limit) {
            if (unreachable) {
                throw new IllegalStateException("connection refused");
            }
            return items.stream().limit(limit).toList();
        }

        @Override
        public Item describe(JsonNode item) {
            return new Item(DeliveringSystem.text(item, "reference"), DeliveringSystem.text(item, "procedureCode"), "SO-TP",
                    Instant.parse("2026-11-27T02:00:00Z"));
        }

        @Override
        public IncomingDossier incoming(JsonNode item) {
            List<Violation> violations = new ArrayList<>();
            List<AttachedDocument> documents = DeliveringSystem.documents(item.path("documents"), violations);
            ResultDelivery delivery = DeliveringSystem.delivery(DeliveringSystem.text(item, "resultDelivery"), violations);
            if (!violations.isEmpty()) {
                throw new SubmissionRefused(violations);
            }
            Item described = describe(item);
            return new IncomingDossier(DossierChannel.NATIONAL_PORTAL, described.reference(), described.procedureCode(), described.agencyCode(), null,
                    "Nguyễn Văn An", "020085999001", "0912999001", null, "Số 12 đường Lê Lợi, Phường Đông Kinh, Tỉnh Lạng Sơn", null, null,
                    item.get("form"), documents, delivery, null, name(), described.submittedAt());
        }

        @Override
        public void acknowledge(String reference, String dossierCode) {
            if (acknowledgementFails.contains(reference)) {
                throw new IllegalStateException("timeout");
            }
            acknowledged.add(reference + "=" + dossierCode);
        }

        @Override
        public void refuse(JsonNode item, String reasons) {
            if (refusalFails) {
                throw new IllegalStateException("503");
            }
            refusals.add(describe(item).reference());
        }
    }
}
