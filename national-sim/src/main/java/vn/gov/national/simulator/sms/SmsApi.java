package vn.gov.national.simulator.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * POST /sms/api/messages/batch   same key   {"messages":[{"to","text","reference"}, …]} (1 to 500) → 200
 *      {"results":[…]} in the order of the messages: {"reference","messageId","segments"} for each one accepted,
 *      {"reference","error":{"status","field","rule","detail"}} for each one refused; the others are sent all the same
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

    /** Messages in one batch request. */
    static final int MAX_BATCH = 500;

    private final SmsGateway gateway;

    private final byte[] apiKey;

    SmsApi(SmsGateway gateway, @Value("${sim.sms.api-key:sms-simulator-key}") String apiKey) {
        this.gateway = gateway;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/messages")
    ResponseEntity<Map<String, Object>> send(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                             @RequestBody JsonNode body) {
        authorize(authorization);
        JsonBodyCheck check = JsonBodyCheck.of(body);
        faults(body).forEach(f -> check.fail(f.field(), f.rule(), f.message()));
        check.verify();
        SmsGateway.Message message = gateway.send(body.get("to").asString().strip(), body.get("text").asString(), reference(body));
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("notice", NOTICE);
        accepted.put("messageId", message.messageId());
        accepted.put("segments", message.segments());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
    }

    /** Many messages in one request: each is checked and sent on its own, and answered at its place in {@code results}. */
    @PostMapping("/messages/batch")
    Map<String, Object> sendBatch(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                  @RequestBody JsonNode body) {
        authorize(authorization);
        JsonNode items = JsonBodyCheck.of(body).body().get("messages");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_BATCH) {
            throw SimulatorProblem.invalid("messages", "array-1-" + MAX_BATCH,
                    "Trường 'messages' phải là một mảng từ 1 đến %d tin nhắn {to, text, reference}".formatted(MAX_BATCH));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode item : items) {
            Map<String, Object> result = new LinkedHashMap<>();
            String reference = item.isObject() ? reference(item) : null;
            result.put("reference", reference);
            List<SimulatorProblem.FieldError> faults = item.isObject() ? faults(item)
                    : List.of(new SimulatorProblem.FieldError("messages[]", "json-object", "Mỗi tin nhắn phải là một đối tượng JSON"));
            if (faults.isEmpty()) {
                SmsGateway.Message message = gateway.send(item.get("to").asString().strip(), item.get("text").asString(), reference);
                result.put("messageId", message.messageId());
                result.put("segments", message.segments());
            } else {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("status", 400);
                error.put("field", faults.get(0).field());
                error.put("rule", faults.get(0).rule());
                error.put("detail", faults.stream().map(SimulatorProblem.FieldError::message).collect(Collectors.joining("; ")));
                result.put("error", error);
            }
            results.add(result);
        }
        return Map.of("notice", NOTICE, "results", results);
    }

    private void authorize(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !MessageDigest.isEqual(apiKey, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            throw SimulatorProblem.unauthorized(
                    "Tiêu đề 'Authorization' phải là 'Bearer <khóa API>' với khóa API của cổng SMS (cấu hình sim.sms.api-key)");
        }
    }

    /** What is wrong with one message {to, text, reference}: nothing when it can be sent. */
    private static List<SimulatorProblem.FieldError> faults(JsonNode message) {
        List<SimulatorProblem.FieldError> faults = new ArrayList<>();
        String to = text(message, "to", faults);
        if (to != null && !MOBILE.matcher(to).matches()) {
            faults.add(new SimulatorProblem.FieldError("to", "vietnamese-mobile",
                    "Trường 'to' phải là số di động Việt Nam gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09"));
        }
        String text = text(message, "text", faults);
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            faults.add(new SimulatorProblem.FieldError("text", "max-length", "Trường 'text' dài tối đa %d ký tự, nhận được %d"
                    .formatted(MAX_TEXT, text.codePointCount(0, text.length()))));
        }
        JsonNode reference = message.get("reference");
        if (reference != null && !reference.isNull() && !reference.isString()) {
            faults.add(new SimulatorProblem.FieldError("reference", "string", "Trường 'reference' phải là chuỗi ký tự"));
        }
        return faults;
    }

    private static String text(JsonNode message, String field, List<SimulatorProblem.FieldError> faults) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            faults.add(new SimulatorProblem.FieldError(field, "required", "Trường '%s' là bắt buộc".formatted(field)));
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            faults.add(new SimulatorProblem.FieldError(field, "non-blank-string", "Trường '%s' phải là chuỗi ký tự không rỗng".formatted(field)));
            return null;
        }
        return value.asString().strip();
    }

    private static String reference(JsonNode message) {
        JsonNode reference = message.get("reference");
        return reference == null || !reference.isString() || reference.asString().isBlank() ? null : reference.asString().strip();
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
