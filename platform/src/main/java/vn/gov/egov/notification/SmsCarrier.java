package vn.gov.egov.notification;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS gateway's adapter: {@code POST {egov.national.sms.base-url}/api/messages/batch} with the API key as a bearer
 * token, {@code {"messages":[{"to","text","reference"}…]}} → 200 {@code {"results":[…]}} in the same order, each
 * {@code {"reference","messageId"}} or {@code {"reference","error":{"status","field","rule","detail"}}}: a message the
 * gateway refuses fails alone (for good when the number or text is refused), the others are sent. Texts go as
 * Vietnamese with diacritics (UCS-2). Configured when both the address and the key are set.
 */
@Component
class SmsCarrier implements Carrier {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Messages in one gateway request (the gateway's limit). */
    static final int MAX_BATCH = 500;

    private final RestClient client;
    private final String baseUrl;
    private final String apiKey;

    SmsCarrier(@Value("${egov.national.sms.base-url:}") String baseUrl,
               @Value("${egov.national.sms.api-key:}") String apiKey,
               @Value("${egov.national.sms.connect-timeout:5s}") Duration connectTimeout,
               @Value("${egov.national.sms.read-timeout:15s}") Duration readTimeout) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip();
        this.apiKey = apiKey == null ? "" : apiKey.strip();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        this.client = this.baseUrl.isEmpty() ? null : RestClient.builder().baseUrl(this.baseUrl).requestFactory(requests).build();
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public Optional<String> unavailable() {
        if (baseUrl.isEmpty()) {
            return Optional.of("Chưa cấu hình địa chỉ cổng SMS (egov.national.sms.base-url): tin nhắn không được gửi.");
        }
        if (apiKey.isEmpty()) {
            return Optional.of("Chưa cấu hình khóa API của cổng SMS (egov.national.sms.api-key / EGOV_SMS_API_KEY): tin nhắn không được gửi.");
        }
        return Optional.empty();
    }

    @Override
    public List<Outcome> send(List<Outgoing> messages) {
        Optional<String> unavailable = unavailable();
        if (unavailable.isPresent()) {
            return Collections.nCopies(messages.size(), Outcome.failed(new DeliveryFailed(unavailable.get(), false)));
        }
        List<Outcome> outcomes = new ArrayList<>(messages.size());
        for (int from = 0; from < messages.size(); from += MAX_BATCH) {
            List<Outgoing> part = messages.subList(from, Math.min(messages.size(), from + MAX_BATCH));
            try {
                outcomes.addAll(sendBatch(part));
            } catch (DeliveryFailed failure) {
                outcomes.addAll(Collections.nCopies(part.size(), Outcome.failed(failure)));
            }
        }
        return outcomes;
    }

    private List<Outcome> sendBatch(List<Outgoing> messages) {
        List<Map<String, String>> items = new ArrayList<>(messages.size());
        for (Outgoing message : messages) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("to", message.recipient());
            item.put("text", message.body());
            item.put("reference", message.reference());
            items.add(item);
        }
        try {
            return client.post().uri("/api/messages/batch").contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Authorization", "Bearer " + apiKey).body(JSON.writeValueAsString(Map.of("messages", items)))
                    .exchange((req, response) -> {
                        int status = response.getStatusCode().value();
                        String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        if (status == 200) {
                            return outcomes(JSON.readTree(answer).path("results"), messages.size());
                        }
                        if (status == 401 || status == 403) {
                            throw new DeliveryFailed("Cổng SMS từ chối khóa API (mã " + status + "): kiểm tra egov.national.sms.api-key.", false);
                        }
                        if (status == 400 || status == 422) {
                            // the batch itself refused (not one message of it): the request can be made right, so tried again
                            throw new DeliveryFailed("Cổng SMS từ chối yêu cầu gửi theo lô (mã " + status + fields(answer) + ").", false);
                        }
                        throw new DeliveryFailed("Cổng SMS trả lời mã " + status + ".", false);
                    });
        } catch (RestClientException e) {
            throw new DeliveryFailed("Không kết nối được cổng SMS hoặc quá thời gian chờ (" + EmailCarrier.kind(e) + ").", false);
        }
    }

    /** {@code results[i]} answers message {@code i}: its id, or the error the gateway names; a missing answer is retried. */
    private static List<Outcome> outcomes(JsonNode results, int count) {
        List<Outcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JsonNode result = results.path(i);
            JsonNode error = result.path("error");
            if (result.isMissingNode()) {
                outcomes.add(Outcome.failed(new DeliveryFailed("Cổng SMS không trả lời cho tin nhắn này trong lô.", false)));
            } else if (error.isObject()) {
                int status = error.path("status").asInt(400);
                boolean refused = status == 400 || status == 422;
                outcomes.add(Outcome.failed(new DeliveryFailed(refused
                        ? "Cổng SMS từ chối số điện thoại hoặc nội dung tin nhắn (mã " + status + fields(error) + ")."
                        : "Cổng SMS chưa gửi được tin nhắn này (mã " + status + ").", refused)));
            } else {
                outcomes.add(Outcome.sent(result.path("messageId").asString("")));
            }
        }
        return outcomes;
    }

    /** The names of the refused fields of a problem+json answer (never their values). */
    private static String fields(String problem) {
        try {
            return fields(JSON.readTree(problem));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String fields(JsonNode root) {
        StringBuilder names = new StringBuilder();
        List<JsonNode> errors = new ArrayList<>();
        root.path("errors").forEach(errors::add);
        if (errors.isEmpty()) {
            errors.add(root);
        }
        for (JsonNode error : errors) {
            String field = error.path("field").asString("");
            if (field.matches("[A-Za-z0-9_.]{1,40}")) {
                names.append(names.isEmpty() ? ", trường " : ", ").append(field);
            }
        }
        return names.toString();
    }
}
