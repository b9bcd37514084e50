package vn.gov.national.simulator.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.national.simulator.RunningSimulator.get;
import static vn.gov.national.simulator.RunningSimulator.json;
import static vn.gov.national.simulator.RunningSimulator.post;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SmsApiTest {

    static final String[] AUTH = {"Authorization", "Bearer sms-simulator-key"};

    @Test
    void countsGsm7AndUcs2Segments() {
        assertThat(Segments.count("a".repeat(160))).isEqualTo(1);
        assertThat(Segments.count("a".repeat(161))).isEqualTo(2);
        assertThat(Segments.count("a".repeat(306))).isEqualTo(2);
        assertThat(Segments.count("a".repeat(307))).isEqualTo(3);
        assertThat(Segments.count("€".repeat(80))).as("extension characters take two septets").isEqualTo(1);
        assertThat(Segments.count("€".repeat(81))).isEqualTo(2);
        assertThat(Segments.count("ồ".repeat(70))).isEqualTo(1);
        assertThat(Segments.count("ồ".repeat(71))).isEqualTo(2);
        assertThat(Segments.count("ồ".repeat(134))).isEqualTo(2);
        assertThat(Segments.count("ồ".repeat(135))).isEqualTo(3);
        assertThat(Segments.isGsm7("Ho so 000.00.12.H99-251127-0007 da duoc tiep nhan")).isTrue();
        assertThat(Segments.isGsm7("Hồ sơ đã được tiếp nhận")).isFalse();
    }

    @Test
    void sendsWithTheApiKeyAndListsNewestFirstByNumberAndReference() {
        HttpResponse<String> first = post("/sms/api/messages",
                Map.of("to", "0912999001", "text", "Ho so cua ong/ba da duoc tiep nhan", "reference", "sms-test-1"), AUTH);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(json(first).get("segments").asInt()).isEqualTo(1);
        assertThat(json(first).get("messageId").asString()).isNotBlank();

        String vietnamese = "Hồ sơ 000.00.12.H99-251127-0007 của ông/bà đã được tiếp nhận, hẹn trả kết quả ngày 04/12/2026.";
        HttpResponse<String> second = post("/sms/api/messages",
                Map.of("to", "0912999001", "text", vietnamese, "reference", "sms-test-2"), AUTH);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json(second).get("segments").asInt()).isEqualTo(2);

        JsonNode toAn = json(get("/sms/api/messages?to=0912999001"));
        assertThat(toAn.get("messages").findValuesAsString("reference")).containsSubsequence("sms-test-2", "sms-test-1");
        JsonNode one = json(get("/sms/api/messages?reference=sms-test-2")).get("messages");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("text").asString()).isEqualTo(vietnamese);
        assertThat(one.get(0).get("to").asString()).isEqualTo("0912999001");
        assertThat(one.get(0).get("segments").asInt()).isEqualTo(2);
        assertThat(one.get(0).get("at").asString()).endsWith("Z");
        assertThat(one.get(0).get("messageId").asString()).isEqualTo(json(second).get("messageId").asString());

        HttpResponse<String> page = get("/sms");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("TRÌNH MÔ PHỎNG").contains(vietnamese.replace("/", "/")).contains("lang=\"vi\"");
    }

    @Test
    void withoutTheRightKeyItIsUnauthorized() {
        Map<String, String> body = Map.of("to", "0912999001", "text", "x");
        HttpResponse<String> none = post("/sms/api/messages", body);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(none).get("detail").asString()).contains("Authorization");
        assertThat(post("/sms/api/messages", body, "Authorization", "Bearer sai-khoa").statusCode()).isEqualTo(401);
        assertThat(post("/sms/api/messages", body, "Authorization", "Basic c21zLXNpbXVsYXRvci1rZXk=").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesANonMobileNumberAnEmptyTextAndOneOverSixHundredTwelveCharacters() {
        for (String to : new String[] {"0212345678", "091234567", "09123456789", "+84912345678", "0112345678"}) {
            HttpResponse<String> response = post("/sms/api/messages", Map.of("to", to, "text", "x"), AUTH);
            assertThat(response.statusCode()).as(to).isEqualTo(400);
            assertThat(json(response).get("field").asString()).isEqualTo("to");
            assertThat(json(response).get("detail").asString()).contains("'to'").contains("10 chữ số");
        }
        for (String to : new String[] {"0312345678", "0512345678", "0712345678", "0812345678"}) {
            assertThat(post("/sms/api/messages", Map.of("to", to, "text", "x"), AUTH).statusCode()).as(to).isEqualTo(202);
        }
        HttpResponse<String> empty = post("/sms/api/messages", Map.of("to", "0912999001", "text", " "), AUTH);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("field").asString()).isEqualTo("text");

        assertThat(json(post("/sms/api/messages", Map.of("to", "0912999001", "text", "ồ".repeat(612)), AUTH))
                .get("segments").asInt()).isEqualTo(10);
        HttpResponse<String> tooLong = post("/sms/api/messages", Map.of("to", "0912999001", "text", "ồ".repeat(613)), AUTH);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("detail").asString()).contains("'text'").contains("612");

        HttpResponse<String> notJson = post("/sms/api/messages", "{not json", AUTH);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("field").asString()).isEqualTo("body");
    }

    @Test
    void aBatchSendsEachGoodMessageAndNamesTheFaultOfEachRefusedOneInItsPlace() {
        Map<String, Object> body = Map.of("messages", java.util.List.of(
                Map.of("to", "0912999011", "text", "Hồ sơ thứ nhất đã được tiếp nhận", "reference", "sms-batch-1"),
                Map.of("to", "0212345678", "text", "Số cố định", "reference", "sms-batch-2"),
                Map.of("to", "0983999012", "text", "Hồ sơ thứ ba", "reference", "sms-batch-3"),
                Map.of("to", "0983999013", "text", " ", "reference", "sms-batch-4")));
        HttpResponse<String> response = post("/sms/api/messages/batch", body, AUTH);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = json(response).get("results");
        assertThat(results).hasSize(4);
        assertThat(results.findValuesAsString("reference")).containsExactly("sms-batch-1", "sms-batch-2", "sms-batch-3", "sms-batch-4");
        assertThat(results.get(0).get("messageId").asString()).startsWith("sms-");
        assertThat(results.get(0).get("segments").asInt()).isEqualTo(1);
        assertThat(results.get(2).get("messageId").asString()).startsWith("sms-");
        assertThat(results.get(1).has("messageId")).isFalse();
        assertThat(results.get(1).get("error").get("field").asString()).isEqualTo("to");
        assertThat(results.get(1).get("error").get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("error").get("detail").asString()).contains("'to'").contains("10 chữ số");
        assertThat(results.get(3).get("error").get("field").asString()).isEqualTo("text");

        assertThat(json(get("/sms/api/messages?reference=sms-batch-1")).get("messages").get(0).get("messageId").asString())
                .isEqualTo(results.get(0).get("messageId").asString());
        assertThat(json(get("/sms/api/messages?reference=sms-batch-3")).get("messages")).hasSize(1);
        assertThat(json(get("/sms/api/messages?reference=sms-batch-2")).get("messages")).isEmpty();
    }

    @Test
    void aBatchNeedsTheKeyAndOneToFiveHundredMessages() {
        Map<String, Object> one = Map.of("messages", java.util.List.of(Map.of("to", "0912999001", "text", "x")));
        assertThat(post("/sms/api/messages/batch", one).statusCode()).isEqualTo(401);
        assertThat(post("/sms/api/messages/batch", one, "Authorization", "Bearer sai-khoa").statusCode()).isEqualTo(401);

        HttpResponse<String> empty = post("/sms/api/messages/batch", Map.of("messages", java.util.List.of()), AUTH);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("field").asString()).isEqualTo("messages");
        assertThat(json(empty).get("detail").asString()).contains("'messages'").contains("500");
        java.util.List<Map<String, String>> many = java.util.Collections.nCopies(501, Map.of("to", "0912999001", "text", "x"));
        assertThat(post("/sms/api/messages/batch", Map.of("messages", many), AUTH).statusCode()).isEqualTo(400);
        assertThat(post("/sms/api/messages/batch", Map.of("to", "0912999001", "text", "x"), AUTH).statusCode())
                .as("a single message is not a batch").isEqualTo(400);
    }
}
