package vn.gov.egov.nationalportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierOutcome;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.MissingItem;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.reception.ResultTestSupport;

/** Every move after reception reaches the national portal with its national status code, once, whatever is sent again. */
class ProcessingStatusReportsTest extends ResultTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    StatusReporting reporting;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private List<JsonNode> reports(String code) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort()
                + "/national-portal/api/province/status-reports?dossierCode=" + code)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        json.readTree(response.body()).get("reports").forEach(list::add);
        return list;
    }

    private List<Integer> statuses(String code) throws Exception {
        return reports(code).stream().map(r -> r.get("status").asInt()).toList();
    }

    @Test
    void processingPauseResultAndReturnAreReportedWithTheirNationalCodesAndUniqueKeys() throws Exception {
        UUID id = received("portal-processing-" + UUID.randomUUID(), ResultDelivery.ONLINE, null);
        String code = codeOf(id);
        progress.startProcessing(id, SPECIALIST);
        progress.requestSupplement(id, SPECIALIST, List.of(new MissingItem("Bản sao giấy khai sinh", "Thiếu trang 2")));
        completeOnline(code, "portal-" + UUID.randomUUID());
        progress.resolve(id, SPECIALIST, DossierOutcome.APPROVED, UUID.randomUUID(), null);

        await().atMost(Duration.ofSeconds(20)).until(() -> statuses(code).contains(10));
        // submitted 1, received 2, fees to pay 6, processing 4, paused for supplements 5, supplemented 4, resolved 9, returned 10
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(code).size() == 8);
        assertThat(statuses(code)).containsExactlyInAnyOrder(1, 2, 6, 4, 5, 4, 9, 10);
        List<JsonNode> reports = reports(code);
        assertThat(reports).allSatisfy(r -> assertThat(r.get("channel").asInt()).isEqualTo(2));
        assertThat(reports.stream().filter(r -> r.get("status").asInt() == 9).findFirst().orElseThrow().get("statusText").asString())
                .isEqualTo("Đã có kết quả, chờ trả");
        assertThat(reports.stream().filter(r -> r.get("status").asInt() == 5).findFirst().orElseThrow().get("statusText").asString())
                .isEqualTo("Tạm dừng, chờ bổ sung hồ sơ");
        assertThat(new HashSet<>(reports.stream().map(r -> r.get("reportKey").asString()).toList())).as("one key per move").hasSize(8);
    }

    @Test
    void feesToPayAndTheirPaymentReachThePortal() throws Exception {
        UUID id = received("portal-fees-" + UUID.randomUUID(), ResultDelivery.ONLINE, null);
        String code = codeOf(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> statuses(code).contains(6));
        JsonNode obligation = reports(code).stream().filter(r -> r.get("status").asInt() == 6).findFirst().orElseThrow();
        assertThat(obligation.get("statusText").asString()).isEqualTo("Chờ thực hiện nghĩa vụ tài chính");
        assertThat(obligation.get("note").asString()).isEqualTo("Phí, lệ phí phải nộp: 200.000 đồng");

        vn.gov.egov.payment.FeePaid paid = new vn.gov.egov.payment.FeePaid(id, code, UUID.randomUUID(), 200_000, Instant.now(), true);
        reporting.on(paid);
        reporting.on(paid);
        await().atMost(Duration.ofSeconds(20)).until(() -> reports(code).stream().anyMatch(r -> r.path("note").asString("").startsWith("Đã nộp")));
        List<JsonNode> afterPayment = reports(code).stream().filter(r -> r.path("note").asString("").startsWith("Đã nộp")).toList();
        assertThat(afterPayment).as("once, however often the event comes").hasSize(1);
        assertThat(afterPayment.get(0).get("status").asInt()).as("the dossier's own status again: received").isEqualTo(2);
        assertThat(afterPayment.get(0).get("note").asString()).isEqualTo("Đã nộp phí, lệ phí: 200.000 đồng (trực tuyến)");
    }

    @Test
    void aReportSentAgainForTheSameMoveIsNotDuplicatedOnThePortal() throws Exception {
        String code = "SO-TP-261127-" + (5000 + (int) (Math.random() * 4000));
        DossierStatusChanged returned = new DossierStatusChanged(UUID.randomUUID(), code, "1.000001", "Cấp Phiếu lý lịch tư pháp", "SO-TP",
                DossierChannel.IN_PERSON, DossierStatus.RETURNED, DossierStatus.RESOLVED, "RETURNED", Instant.now(), null, null, null,
                "Trả kết quả tại Bộ phận Một cửa cho Nguyễn Văn An (người nộp hồ sơ)", Instant.now(), DossierOutcome.APPROVED, false);
        reporting.on(returned);
        reporting.on(returned);
        await().atMost(Duration.ofSeconds(15)).until(() -> statuses(code).size() == 1
                && jdbc.sql("select count(*) from portal_status_report where report_key = ?").param(StatusReporting.reportKey(returned))
                .query(Integer.class).single() == 0);
        assertThat(statuses(code)).as("a redelivered event, or a retry after a lost answer").containsExactly(10);
        assertThat(StatusReporting.reportKey(returned)).isEqualTo(StatusReporting.reportKey(returned))
                .isNotEqualTo(StatusReporting.reportKey(new DossierStatusChanged(returned.dossierId(), code, "1.000001", "x", "SO-TP",
                        DossierChannel.IN_PERSON, DossierStatus.RESOLVED, DossierStatus.IN_PROGRESS, "RESOLVED", returned.at(), null, null,
                        null, null)));
        assertThat(StatusReporting.report(returned)).containsEntry("reportKey", StatusReporting.reportKey(returned)).containsEntry("status", 10);
    }
}
