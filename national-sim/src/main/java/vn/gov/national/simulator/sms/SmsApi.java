package vn.gov.national.simulator.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.gov.national.simulator.JsonBodyCheck;
import vn.gov.national.simulator.SimulatorProblem;

/**
 * SIMULATOR of an SMS gateway (brandname SMS):
 * <pre>
 * POST /sms/api/messages   Authorization: Bearer &lt;sim.sms.api-key&gt;   {"to","text","reference"} → 202 {"messageId","segments"}
 * GET  /sms/api/messages?to=&amp;reference=   → {"messages":[…]} newest first (open: for demonstrations and tests)
 * </pre>
 */
@RestController
@RequestMapping("/sms/api")
class SmsApi {

    static final String NOTICE = "TRÌNH MÔ PHỎNG cổng gửi tin nhắn SMS – không gửi tin thật. SIMULATOR of an SMS gateway.";

    /** A Vietnamese mobile number: 10 digits, prefixes 03, 05, 07, 08, 09. */
    static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");

    static final int MAX_TEXT = 612;

    private final SmsGateway gateway;

    private final byte[] apiKey;

    SmsApi(SmsGateway gateway, @Value("${sim.sms.api-key:sms-simulator-key}") String apiKey) {
        this.gateway = gateway;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/messages")
    ResponseEntity<Map<String, Object>> send(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                             @RequestBody JsonNode body) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !MessageDigest.isEqual(apiKey, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            throw SimulatorProblem.unauthorized(
                    "Tiêu đề 'Authorization' phải là 'Bearer <khóa API>' với khóa API của cổng SMS (cấu hình sim.sms.api-key)");
        }
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String to = check.requiredText("to");
        if (to != null && !MOBILE.matcher(to).matches()) {
            check.fail("to", "vietnamese-mobile",
                    "Trường 'to' phải là số di động Việt Nam gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09");
        }
        String text = check.requiredText("text");
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            check.fail("text", "max-length", "Trường 'text' dài tối đa %d ký tự, nhận được %d"
                    .formatted(MAX_TEXT, text.codePointCount(0, text.length())));
        }
        String reference = check.optionalText("reference");
        check.verify();
        SmsGateway.Message message = gateway.send(to, body.get("text").asString(), reference);
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("notice", NOTICE);
        accepted.put("messageId", message.messageId());
        accepted.put("segments", message.segments());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
    }

    @GetMapping("/messages")
    Map<String, Object> messages(@RequestParam(required = false) String to, @RequestParam(required = false) String reference) {
        List<Map<String, Object>> messages = gateway.find(blankToNull(to), blankToNull(reference)).stream().map(m -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("messageId", m.messageId());
            json.put("to", m.to());
            json.put("text", m.text());
            json.put("reference", m.reference());
            json.put("at", m.at().toString());
            json.put("segments", m.segments());
            return json;
        }).toList();
        return Map.of("notice", NOTICE, "messages", messages);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
