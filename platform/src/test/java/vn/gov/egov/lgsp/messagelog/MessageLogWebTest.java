package vn.gov.egov.lgsp.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/** The message log's API and pages: who may read what, search, bodies for auditors only (audited), verification. */
class MessageLogWebTest extends PlatformTest {

    @Autowired
    MessageLog log;
    @Autowired
    MessageLogQueries queries;
    @Autowired
    JdbcTemplate jdbc;

    private LogRecord recorded(String requestId, byte[] request, byte[] response) {
        log.record(new LoggedCall(requestId, Instant.now(), "CALL", "SO-TP/HTQL", "so-tp-htql", "BCA/CSDLQGDC/cong-dan/v1",
                "GET", "/cong-dan/tra-cuu", 200, null, request == null ? 0 : request.length,
                response == null ? 0 : response.length, 2_500, 2_000, "rq-hash", "rs-hash", SecurityLevel.CONFIDENTIAL,
                request, response));
        assertThat(queries.flush(Duration.ofSeconds(10))).isTrue();
        return queries.byRequestId(requestId).get(0);
    }

    @Test
    void operatorsSearchTheApiAndOnlyAuditorsOpenBodiesWhichIsAudited() throws Exception {
        String requestId = UUID.randomUUID().toString();
        byte[] response = "{\"hoTen\":\"Hoàng Thị Mai\"}".getBytes(StandardCharsets.UTF_8);
        LogRecord record = recorded(requestId, "{\"q\":1}".getBytes(StandardCharsets.UTF_8), response);

        HttpResponse<String> found = asAdmin("GET", "/api/v1/lgsp/message-log/records?requestId=" + requestId, null, null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(requestId).contains("BCA/CSDLQGDC/cong-dan/v1").doesNotContain("Hoàng Thị Mai");

        String one = "/api/v1/lgsp/message-log/records/" + URLEncoder.encode(record.nodeId(), StandardCharsets.UTF_8) + "/"
                + record.sequence();
        HttpResponse<String> single = asAdmin("GET", one, null, null);
        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(single.body()).contains("\"hasResponseBody\":true").contains(record.hash());

        assertThat(asAdmin("GET", one + "/bodies", null, null).statusCode()).isEqualTo(403);
        HttpResponse<String> bodies = as(AUDITOR, "GET", one + "/bodies", null, null);
        assertThat(bodies.statusCode()).isEqualTo(200);
        assertThat(bodies.body()).contains("Hoàng Thị Mai").contains("{\\\"q\\\":1}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT actor_id, object_id FROM audit_pending WHERE action = 'LGSP_LOG_BODIES_READ'"
                        + " UNION ALL SELECT actor_id, object_id FROM audit_entry WHERE action = 'LGSP_LOG_BODIES_READ') a"
                        + " WHERE actor_id = ? AND object_id = ?", Long.class, AUDITOR,
                record.nodeId() + "/" + record.sequence())).isEqualTo(1));

        HttpResponse<String> missing = asAdmin("GET", "/api/v1/lgsp/message-log/records/khong-co/1", null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    @Test
    void badParametersAreRefusedAsProblemsNamingTheParameter() throws Exception {
        for (var bad : Map.of("from=27-11-2026", "from", "status=abc", "status", "errorClass=gateway%3Bdrop", "errorClass",
                "kind=OTHER", "kind", "size=5000", "size", "from=2026-11-27&to=2026-11-01", "to").entrySet()) {
            HttpResponse<String> response = asAdmin("GET", "/api/v1/lgsp/message-log/records?" + bad.getKey(), null, null);
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(response.body()).as(bad.getKey()).contains("\"parameter\":\"" + bad.getValue() + "\"");
        }
        assertThat(asAdmin("GET", "/api/v1/lgsp/message-log/records/x/abc", null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void verificationOverAPeriodAnswersOk() throws Exception {
        recorded(UUID.randomUUID().toString(), null, null);
        HttpResponse<String> check = asAdmin("GET", "/api/v1/lgsp/message-log/verify?from="
                + Instant.now().minusSeconds(3600), null, null);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("\"ok\":true");
    }

    @Test
    void thePagesShowSearchRecordAndVerificationAndBodiesToAuditorsOnly() throws Exception {
        String requestId = UUID.randomUUID().toString();
        LogRecord record = recorded(requestId, null, "{\"ketQua\":\"Hợp lệ\"}".getBytes(StandardCharsets.UTF_8));
        String detail = "/lgsp/admin/message-log/records/" + record.nodeId() + "/" + record.sequence();

        Browser admin = new Browser();
        admin.logIn(ADMIN);
        HttpResponse<String> search = admin.get("/lgsp/admin/message-log?requestId=" + requestId);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains(requestId).contains(detail);
        HttpResponse<String> page = admin.get(detail);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("BCA/CSDLQGDC/cong-dan/v1").doesNotContain("open-bodies").doesNotContain("Hợp lệ");
        assertThat(admin.get("/lgsp/admin/message-log?status=abc").statusCode()).isEqualTo(400);
        HttpResponse<String> verify = admin.get("/lgsp/admin/message-log/verify");
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.body()).contains("id=\"verification\"");

        Browser auditor = new Browser();
        auditor.logIn(AUDITOR);
        assertThat(auditor.get(detail).body()).contains("open-bodies");
        HttpResponse<String> opened = auditor.post(detail + "/bodies", detail, Map.of());
        assertThat(opened.statusCode()).isEqualTo(200);
        Matcher body = Pattern.compile("id=\"response-body\"[^>]*>([^<]*)<").matcher(opened.body());
        assertThat(body.find()).isTrue();
        assertThat(body.group(1)).contains("Hợp lệ");
    }
}
