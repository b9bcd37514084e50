package vn.gov.egov.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.DossierStep;
import vn.gov.egov.dossier.ResultDelivery;

/** The return of results: at the desk to the applicant or to someone on their behalf, and online by the system. */
class ResultReturnTest extends ResultTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FollowingResults following;

    private JsonNode waiting(String officer) throws Exception {
        HttpResponse<String> list = as(officer, "GET", "/api/v1/reception/results?limit=500", null, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json.readTree(list.body());
    }

    private boolean listed(String officer, String code) throws Exception {
        return waiting(officer).findValuesAsString("code").contains(code);
    }

    private HttpResponse<String> handOver(String officer, String code, Map<String, Object> body) throws Exception {
        return as(officer, "POST", "/api/v1/reception/dossiers/" + code + "/result-return", "application/json", json.writeValueAsString(body));
    }

    @Test
    void theDeskHandsTheResultToTheApplicantAndItLeavesTheList() throws Exception {
        UUID id = resolved("return-desk-" + UUID.randomUUID(), ResultDelivery.AT_DESK, null);
        String code = codeOf(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> listed(DESK, code));
        JsonNode row = null;
        for (JsonNode r : waiting(DESK)) {
            if (r.get("code").asString().equals(code)) {
                row = r;
            }
        }
        assertThat(row.get("resultDelivery").asString()).isEqualTo("AT_DESK");
        assertThat(row.get("outcome").asString()).isEqualTo("APPROVED");
        assertThat(row.get("applicantName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(listed(OTHER_DESK, code)).as("another agency's desk").isFalse();

        HttpResponse<String> returned = handOver(DESK, code, Map.of("recipientName", "Nguyễn Văn An"));
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        assertThat(json.readTree(returned.body()).get("status").asString()).isEqualTo("RETURNED");
        assertThat(json.readTree(returned.body()).get("handedTo").asString()).isEqualTo("Nguyễn Văn An (người nộp hồ sơ)");
        assertThat(progress.detail(id).orElseThrow().summary().status()).isEqualTo(DossierStatus.RETURNED);
        DossierStep last = lastStep(id);
        assertThat(last.action()).isEqualTo("RETURNED");
        assertThat(last.actor()).isEqualTo("Lê Thị Một Cửa");
        assertThat(last.note()).contains("Nguyễn Văn An (người nộp hồ sơ)");
        await().atMost(Duration.ofSeconds(10)).until(() -> !listed(DESK, code));

        HttpResponse<String> again = handOver(DESK, code, Map.of("recipientName", "Nguyễn Văn An"));
        assertThat(again.statusCode()).as("returned once").isEqualTo(409);
    }

    @Test
    void someoneOnTheApplicantsBehalfGivesTheirNumberAndRelationWhichIsKeptSealed() throws Exception {
        String code = codeOf(resolved("return-proxy-" + UUID.randomUUID(), ResultDelivery.AT_DESK, null));
        HttpResponse<String> wrong = handOver(DESK, code, Map.of("recipientName", "Nguyễn Thị Bình", "proxy", true,
                "proxyPersonalId", "12345", "relation", ""));
        assertThat(wrong.statusCode()).isEqualTo(422);
        JsonNode errors = json.readTree(wrong.body()).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("proxyPersonalId", "relation");
        assertThat(errors.findValuesAsString("message")).anySatisfy(m -> assertThat(m).contains("Số định danh cá nhân của người được ủy quyền"));

        HttpResponse<String> returned = handOver(DESK, code, Map.of("recipientName", "Nguyễn Thị Bình", "proxy", true,
                "proxyPersonalId", "020190999888", "relation", "Con gái"));
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        assertThat(json.readTree(returned.body()).get("handedTo").asString())
                .isEqualTo("Nguyễn Thị Bình, số định danh 020******888 (Con gái, nhận thay người nộp hồ sơ)");
        String sealed = jdbc.sql("select proxy_personal_id_sealed from reception_handover where dossier_code = ?").param(code)
                .query(String.class).single();
        assertThat(sealed).startsWith("pd1:").doesNotContain("020190999888");
        assertThat(lastStep(progress.detail(code).orElseThrow().summary().id()).note()).doesNotContain("020190999888");
    }

    @Test
    void anotherAgencysOfficerIsForbiddenAnUnresolvedDossierConflictsAndNoRecipientIsRefused() throws Exception {
        String code = codeOf(resolved("return-refusals-" + UUID.randomUUID(), ResultDelivery.AT_DESK, null));
        HttpResponse<String> forbidden = handOver(OTHER_DESK, code, Map.of("recipientName", "Nguyễn Văn An"));
        assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");

        HttpResponse<String> nobody = handOver(DESK, code, Map.of("recipientName", "  "));
        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(json.readTree(nobody.body()).get("errors").get(0).get("field").asString()).isEqualTo("recipientName");
        assertThat(json.readTree(nobody.body()).get("errors").get(0).get("message").asString()).contains("Người nhận kết quả");
        assertThat(progress.detail(code).orElseThrow().summary().status()).as("nothing half-applied").isEqualTo(DossierStatus.RESOLVED);

        String notResolved = codeOf(received("return-early-" + UUID.randomUUID(), ResultDelivery.AT_DESK, null));
        HttpResponse<String> early = handOver(DESK, notResolved, Map.of("recipientName", "Nguyễn Văn An"));
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(json.readTree(early.body()).get("detail").asString()).contains(notResolved).contains("Đã tiếp nhận");

        assertThat(handOver(DESK, "SO-TP-000000-9999", Map.of("recipientName", "Ai đó")).statusCode()).isEqualTo(404);
    }

    @Test
    void aResultAskedForOnlineIsReturnedOnlineByTheSystemOnceEvenWhenTheEventComesAgain() throws Exception {
        UUID id = resolved("return-online-" + UUID.randomUUID(), ResultDelivery.ONLINE, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> progress.detail(id).orElseThrow().summary().status() == DossierStatus.RETURNED);
        DossierStep last = lastStep(id);
        assertThat(last.action()).isEqualTo("RETURNED");
        assertThat(last.actor()).isEqualTo("Hệ thống");
        assertThat(last.note()).isEqualTo("Trả kết quả trực tuyến");
        assertThat(progress.clock(id).orElseThrow().returnedAt()).isNotNull();

        DossierStep resolvedStep = progress.detail(id).orElseThrow().steps().stream().filter(s -> s.action().equals("RESOLVED")).findFirst().orElseThrow();
        DossierStatusChanged redelivered = new DossierStatusChanged(id, codeOf(id), PROCEDURE, "Cấp Phiếu lý lịch tư pháp", "SO-TP",
                vn.gov.egov.dossier.DossierChannel.OWN_PORTAL, DossierStatus.RESOLVED, DossierStatus.IN_PROGRESS, "RESOLVED",
                resolvedStep.at(), null, null, null, resolvedStep.note());
        following.returnOnline(redelivered);
        following.on(redelivered);
        assertThat(progress.detail(id).orElseThrow().steps().stream().filter(s -> s.action().equals("RETURNED")).count()).isEqualTo(1);
        assertThat(listed(DESK, codeOf(id))).as("a returned result does not come back to the desk's list").isFalse();
    }

    @Test
    void theDeskPageListsTheResultsAndTheHandOverFormNamesTheFieldInError() throws Exception {
        String code = codeOf(resolved("return-page-" + UUID.randomUUID(), ResultDelivery.AT_DESK, null));
        Browser desk = new Browser();
        desk.logIn(DESK);
        await().atMost(Duration.ofSeconds(10)).until(() -> desk.get("/reception/results").body().contains(code));
        String list = desk.get("/reception/results").body();
        assertThat(list).contains("Nhận tại Bộ phận Một cửa").contains("/reception/results/" + code);
        assertThat(desk.get("/reception").body()).contains("href=\"/reception/results\"");

        String form = desk.get("/reception/results/" + code).body();
        assertThat(form).contains("Người nhận kết quả").contains("value=\"Nguyễn Văn An\"");
        HttpResponse<String> empty = desk.post("/reception/results/" + code, "/reception/results/" + code,
                Map.of("recipient", "self", "recipientName", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"recipientName-error\"").contains("bắt buộc ghi họ và tên người nhận")
                .contains("href=\"#recipientName\"");

        HttpResponse<String> done = desk.post("/reception/results/" + code, "/reception/results/" + code,
                Map.of("recipient", "self", "recipientName", "Nguyễn Văn An"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(desk.get("/reception/results").body()).contains("Đã trả kết quả hồ sơ " + code);
        assertThat(progress.detail(code).orElseThrow().summary().status()).isEqualTo(DossierStatus.RETURNED);

        Browser other = new Browser();
        other.logIn(OTHER_DESK);
        assertThat(other.get("/reception/results/" + code).statusCode()).isEqualTo(403);
    }
}
