package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;

/** The auditor's API, and what the rest of the platform writes into the trail through it. */
class AuditApiTest extends PlatformTest {

    private static final Pattern HASH = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"");

    @Autowired
    ObjectMapper json;
    @Autowired
    ChainSealer sealer;

    @Test
    void onlyTheAuditorMayVerifyTheChainNotTheAdministratorNorAnonymous() throws Exception {
        HttpResponse<String> anonymous = get("/api/v1/audit/verify");
        HttpResponse<String> administrator = asAdmin("GET", "/api/v1/audit/verify", null, null);
        HttpResponse<String> auditor = asAuditor("/api/v1/audit/verify");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(administrator.statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit/entries").statusCode()).isEqualTo(401);
        assertThat(asAdmin("GET", "/api/v1/audit/export", null, null).statusCode()).isEqualTo(403);
        assertThat(auditor.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(auditor.body());
        assertThat(result.get("ok").asBoolean()).as(auditor.body()).isTrue();
        assertThat(result.get("entriesChecked").asLong()).isPositive();
        assertThat(result.get("headHash").asString()).hasSize(64);
    }

    @Test
    void theAdministratorsRefusedAttemptIsRecordedAsDenied() throws Exception {
        assertThat(asAdmin("GET", "/api/v1/audit/entries?size=1", null, null).statusCode()).isEqualTo(403);

        JsonNode denied = awaitEntries("/api/v1/audit/entries?action=ACCESS_DENIED&actor=" + ADMIN, items ->
                items.findValuesAsString("objectId").contains("/api/v1/audit/entries"));

        JsonNode entry = denied.get("items").get(0);
        assertThat(entry.get("outcome").asString()).isEqualTo("DENIED");
        assertThat(entry.at("/actor/roles/0").asString()).isEqualTo("PROVINCE_ADMIN");
        assertThat(entry.get("objectType").asString()).isEqualTo("http-request");
        assertThat(entry.get("sourceIp").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void aFailedLoginIsRecordedAsAFailureWithTheSourceIpAndUserAgent() throws Exception {
        String intruder = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("User-Agent", "probe/1.0")
                        .header("X-Request-Id", "probe-request-0001")
                        .POST(HttpRequest.BodyPublishers.ofString(form(java.util.Map.of("username", intruder, "password", "guess",
                                "_csrf", csrf.group(1))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

        JsonNode found = awaitEntries("/api/v1/audit/entries?action=LOGIN_FAILED&actor=" + intruder, items -> items.size() == 1);

        JsonNode entry = found.get("items").get(0);
        assertThat(entry.get("outcome").asString()).isEqualTo("FAILURE");
        assertThat(entry.at("/actor/id").asString()).isEqualTo(intruder);
        assertThat(entry.get("sourceIp").asString()).isEqualTo("127.0.0.1");
        assertThat(entry.get("userAgent").asString()).isEqualTo("probe/1.0");
        assertThat(entry.get("requestId").asString()).isEqualTo("probe-request-0001");
        assertThat(entry.at("/details/method").asString()).isEqualTo("form");
        assertThat(entry.at("/details/reason").asString()).isEqualTo("BadCredentialsException");
        assertThat(found.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aForgedBearerTokenIsRecordedAsAFailedLogin() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmb3JnZWQifQ.c2lnbmF0dXJl").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);

        JsonNode found = awaitEntries("/api/v1/audit/entries?action=LOGIN_FAILED&size=50",
                items -> items.findValuesAsString("method").stream().anyMatch(m -> m.contains("Bearer")));
        assertThat(found.get("items").findValuesAsString("outcome")).contains("FAILURE");
    }

    @Test
    void aCatalogImportThroughTheCatalogApiIsAuditedWithWhoAndTheCodes() throws Exception {
        String catalog = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(asAdmin("POST", "/api/v1/catalogs", "application/json",
                "{\"code\": \"" + catalog + "\", \"name\": \"Thử nhật ký\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> imported = asAdmin("POST", "/api/v1/catalogs/" + catalog + "/import?reason=th%E1%BB%AD", "text/csv", """
                code,name,valid_from
                A1,Một,2025-01-01
                B2,Hai,2025-01-01
                """);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        JsonNode found = awaitEntries("/api/v1/audit/entries?objectType=catalog&objectId=" + catalog, items -> items.size() == 1);

        JsonNode entry = found.get("items").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("CATALOG_IMPORT");
        assertThat(entry.at("/actor/id").asString()).isEqualTo(ADMIN);
        assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(entry.at("/details/codes").asString()).isEqualTo("A1,B2");
        assertThat(entry.at("/details/codeCount").asString()).isEqualTo("2");
        assertThat(entry.at("/details/changeId").asString()).isNotBlank();
    }

    @Test
    void aCalendarAnnouncementIsAuditedWithTheDayAndTheAdministrator() throws Exception {
        HttpResponse<String> announced = asAdmin("POST", "/api/v1/calendar/announcements", "application/json", """
                {"date": "2036-01-08", "kind": "DAY_OFF", "reason": "Thử nhật ký", "decisionNumber": "Thông báo thử 1/TB-TEST"}
                """);
        assertThat(announced.statusCode()).as(announced.body()).isEqualTo(201);
        assertThat(asAdmin("DELETE", "/api/v1/calendar/announcements/2036-01-08", null, null).statusCode()).isBetween(200, 204);

        JsonNode found = awaitEntries("/api/v1/audit/entries?objectType=calendar-day&objectId=2036-01-08",
                items -> items.size() == 2);

        assertThat(found.get("items").findValuesAsString("action")).containsExactly("CALENDAR_WITHDRAWN", "CALENDAR_ANNOUNCED");
        assertThat(found.get("items").findValuesAsString("id")).containsOnly(ADMIN);
        assertThat(found.at("/items/1/details/year").asString()).isEqualTo("2036");
    }

    @Test
    void theJsonLinesExportStreamsEntriesInChainOrderEachWithAHashAnyoneCanRecompute() throws Exception {
        asAuditor("/api/v1/audit/verify"); // at least its login and the verification itself
        sealer.sealPending();
        String today = LocalDate.now(AuditQuery.VIETNAM).toString();

        HttpResponse<String> export = asAuditor("/api/v1/audit/export?from=" + today + "&to=" + today);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        List<String> lines = export.body().lines().toList();
        assertThat(lines).isNotEmpty();
        long previous = 0;
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            long sequence = entry.get("sequence").asLong();
            assertThat(sequence).isGreaterThan(previous);
            previous = sequence;
            Matcher hash = HASH.matcher(line);
            assertThat(hash.find()).isTrue();
            assertThat(ChainHash.sha256(hash.replaceFirst(""))).as("line %d", sequence).isEqualTo(hash.group(1));
            assertThat(entry.get("v").asInt()).isEqualTo(1);
        }
        long last = previous;
        HttpResponse<String> rest = asAuditor("/api/v1/audit/export?afterSequence=" + (last - 1));
        assertThat(rest.body().lines().findFirst()).hasValueSatisfying(l -> assertThat(l).contains("\"sequence\":" + last + ","));
    }

    @Test
    void searchFiltersAreCheckedAndAnsweredAsProblems() throws Exception {
        HttpResponse<String> badDate = asAuditor("/api/v1/audit/entries?from=27/11/2026");
        HttpResponse<String> badOutcome = asAuditor("/api/v1/audit/entries?outcome=MAYBE");
        HttpResponse<String> badSize = asAuditor("/api/v1/audit/entries?size=100000");
        HttpResponse<String> failures = asAuditor("/api/v1/audit/entries?outcome=failure&size=5");

        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(badDate.body()).get("parameter").asString()).isEqualTo("from");
        assertThat(json.readTree(badOutcome.body()).get("parameter").asString()).isEqualTo("outcome");
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(failures.statusCode()).isEqualTo(200);
        assertThat(json.readTree(failures.body()).get("items").findValuesAsString("outcome")).containsOnly("FAILURE");
        assertThat(json.readTree(failures.body()).get("size").asInt()).isEqualTo(5);
    }

    @Test
    void readingTheTrailIsItselfRecorded() throws Exception {
        asAuditor("/api/v1/audit/verify");

        JsonNode found = awaitEntries("/api/v1/audit/entries?action=AUDIT_VERIFIED&actor=" + AUDITOR, items -> items.size() > 0);

        assertThat(found.at("/items/0/details/ok").asString()).isEqualTo("true");
        assertThat(found.at("/items/0/actor/roles/0").asString()).isEqualTo("AUDITOR");
    }

    private JsonNode awaitEntries(String path, java.util.function.Predicate<JsonNode> satisfied) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = asAuditor(path);
            assertThat(response.statusCode()).isEqualTo(200);
            last[0] = json.readTree(response.body());
            return satisfied.test(last[0].get("items"));
        });
        return last[0];
    }

    HttpResponse<String> asAuditor(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + accessToken(AUDITOR)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
