package vn.gov.egov.payment;

import vn.gov.egov.lgsp.LgspConnections;
import vn.gov.egov.lgsp.NationalSystem;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.calendar.WorkingCalendar;

/**
 * PayGov's merchant interface: the signed pay request the citizen's browser is sent to, the status query of an
 * order, and the daily reconciliation file. Every answer is checked against the merchant's key before it is used.
 */
@Component
class PaygovClient {

    static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(WorkingCalendar.ZONE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** PayGov could not be reached, or answered something that is not its signed answer. */
    static class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** The daily file: its transactions and PayGov's checksum of it. */
    record DailyFile(List<Transaction> transactions, String checksum) {
    }

    /** One line of the daily file. */
    record Transaction(String transactionId, String orderId, long amount, String status, Instant paidAt) {
    }

    private final PaygovSettings settings;
    private final RestClient client;
    private final LgspConnections lgsp;

    /** The pay page is PayGov's own, for the citizen's browser; the status query and the daily file go through the LGSP. */
    PaygovClient(PaygovSettings settings, LgspConnections lgsp) {
        this.settings = settings;
        this.lgsp = lgsp;
        this.client = lgsp.restClient(NationalSystem.PAYGOV, settings.connectTimeout(), settings.readTimeout()).build();
    }

    /** The address of PayGov's pay page for this payment, signed. */
    URI payUrl(Payment payment, String returnUrl, String notifyUrl, Instant now) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("merchant_code", settings.merchantCode());
        request.put("order_id", payment.id().toString());
        request.put("amount", String.valueOf(payment.amount()));
        request.put("currency", "VND");
        request.put("order_info", "Phí, lệ phí hồ sơ " + payment.dossierCode());
        request.put("return_url", returnUrl);
        request.put("notify_url", notifyUrl);
        request.put("create_date", COMPACT.format(now));
        request.put("locale", "vn");
        request.put(PaygovSignature.HASH, PaygovSignature.sign(request, settings.secretKey()));
        return URI.create(settings.baseUrl() + "/pay?" + query(request));
    }

    /** PayGov's signed answer about the order, empty when it has no transaction of it. */
    Optional<Map<String, String>> status(String orderId, Instant now) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("merchant_code", settings.merchantCode());
        request.put("order_id", orderId);
        request.put("request_time", COMPACT.format(now));
        request.put(PaygovSignature.HASH, PaygovSignature.sign(request, settings.secretKey()));
        try {
            return client.get().uri(URI.create(lgsp.address(NationalSystem.PAYGOV) + "/api/transactions?" + query(request)))
                    .accept(MediaType.APPLICATION_JSON).exchange((req, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 404) {
                            return Optional.<Map<String, String>>empty();
                        }
                        if (status != 200) {
                            throw new Unavailable("PayGov trả lời mã " + status + " cho truy vấn trạng thái giao dịch");
                        }
                        Map<String, String> answer = fields(JSON.readTree(response.getBody()));
                        if (!settings.merchantCode().equals(answer.get("merchant_code")) || !orderId.equals(answer.get("order_id"))
                                || !PaygovSignature.verify(answer, settings.secretKey())) {
                            throw new Unavailable("Câu trả lời truy vấn trạng thái không mang chữ ký hợp lệ của PayGov");
                        }
                        return Optional.of(answer);
                    });
        } catch (RestClientException e) {
            throw new Unavailable("Không kết nối được PayGov: " + e.getClass().getSimpleName());
        }
    }

    /** PayGov's transactions of a day (Vietnam time), from its daily file; the file's checksum is verified. */
    DailyFile dailyFile(LocalDate date, Instant now) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("merchant_code", settings.merchantCode());
        request.put("date", date.toString());
        request.put("request_time", COMPACT.format(now));
        request.put(PaygovSignature.HASH, PaygovSignature.sign(request, settings.secretKey()));
        String[] checksum = new String[1];
        String body;
        try {
            body = client.get().uri(URI.create(lgsp.address(NationalSystem.PAYGOV) + "/api/reconciliation?" + query(request)))
                    .accept(MediaType.parseMediaType("text/csv")).exchange((req, response) -> {
                        int status = response.getStatusCode().value();
                        if (status != 200) {
                            throw new Unavailable("PayGov trả lời mã " + status + " khi lấy tệp đối soát ngày " + date);
                        }
                        checksum[0] = response.getHeaders().getFirst("X-PayGov-Checksum");
                        return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    });
        } catch (RestClientException e) {
            throw new Unavailable("Không kết nối được PayGov: " + e.getClass().getSimpleName());
        }
        if (!PaygovSignature.matches(PaygovSignature.hmac(body, settings.secretKey()), checksum[0])) {
            throw new Unavailable("Tệp đối soát ngày " + date + " không mang chữ ký hợp lệ của PayGov (X-PayGov-Checksum)");
        }
        return new DailyFile(parse(body), checksum[0].toLowerCase(java.util.Locale.ROOT));
    }

    static List<Transaction> parse(String csv) {
        List<Transaction> rows = new ArrayList<>();
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("transaction_id,order_id,amount,status,paid_at")) {
            throw new Unavailable("Tệp đối soát không có dòng tiêu đề transaction_id,order_id,amount,status,paid_at");
        }
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = cells(lines.get(i));
            if (cells.size() != 5) {
                throw new Unavailable("Tệp đối soát, dòng " + (i + 1) + ": cần 5 cột, có " + cells.size());
            }
            try {
                rows.add(new Transaction(cells.get(0), cells.get(1), Long.parseLong(cells.get(2)), cells.get(3),
                        java.time.OffsetDateTime.parse(cells.get(4)).toInstant()));
            } catch (RuntimeException e) {
                throw new Unavailable("Tệp đối soát, dòng " + (i + 1) + ": số tiền hoặc thời điểm không đọc được");
            }
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Every field of a JSON object as text (PayGov's answers are flat). */
    static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> fields.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString()));
        }
        return fields;
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
