package vn.gov.egov.notification;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * The SMS gateway's adapter: {@code POST {egov.national.sms.base-url}/api/messages} with the API key as a bearer
 * token, {@code {"to","text","reference"}} → 202 {@code {"messageId","segments"}}. Texts go as Vietnamese with
 * diacritics (UCS-2). Configured when both the address and the key are set.
 */
@Component
class SmsCarrier implements Carrier {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

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
    public String send(String recipient, String subject, String body, String reference) {
        unavailable().ifPresent(reason -> {
            throw new DeliveryFailed(reason, false);
        });
        Map<String, String> request = new LinkedHashMap<>();
        request.put("to", recipient);
        request.put("text", body);
        request.put("reference", reference);
        try {
            return client.post().uri("/api/messages").contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Authorization", "Bearer " + apiKey).body(JSON.writeValueAsString(request))
                    .exchange((req, response) -> {
                        int status = response.getStatusCode().value();
                        String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        if (status == 200 || status == 201 || status == 202) {
                            JsonNode json = JSON.readTree(answer);
                            return json.path("messageId").asString("");
                        }
                        if (status == 401 || status == 403) {
                            throw new DeliveryFailed("Cổng SMS từ chối khóa API (mã " + status + "): kiểm tra egov.national.sms.api-key.", false);
                        }
                        if (status == 400 || status == 422) {
                            throw new DeliveryFailed("Cổng SMS từ chối số điện thoại hoặc nội dung tin nhắn (mã " + status + fields(answer) + ").", true);
                        }
                        throw new DeliveryFailed("Cổng SMS trả lời mã " + status + ".", false);
                    });
        } catch (RestClientException e) {
            throw new DeliveryFailed("Không kết nối được cổng SMS hoặc quá thời gian chờ (" + EmailCarrier.kind(e) + ").", false);
        }
    }

    /** The names of the refused fields of a problem+json answer (never their values). */
    private static String fields(String problem) {
        try {
            StringBuilder names = new StringBuilder();
            JsonNode root = JSON.readTree(problem);
            java.util.List<JsonNode> errors = new java.util.ArrayList<>();
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
        } catch (RuntimeException e) {
            return "";
        }
    }
}
