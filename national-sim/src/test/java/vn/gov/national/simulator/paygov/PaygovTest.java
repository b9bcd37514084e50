package vn.gov.national.simulator.paygov;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.national.simulator.RunningSimulator.base;
import static vn.gov.national.simulator.RunningSimulator.get;
import static vn.gov.national.simulator.RunningSimulator.json;
import static vn.gov.national.simulator.RunningSimulator.post;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.national.simulator.RunningSimulator;

/** The simulated PayGov: signed requests and results, the pay page, the notification, the status query, the daily file. */
class PaygovTest {

    static final String MERCHANT = "LSN-EGOV";
    static final String SECRET = "paygov-simulator-secret";

    static HttpServer merchantServer;
    static final List<String> notifications = new CopyOnWriteArrayList<>();
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void merchant() throws IOException {
        merchantServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        merchantServer.createContext("/ipn", exchange -> {
            notifications.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        merchantServer.start();
    }

    @AfterAll
    static void stop() {
        merchantServer.stop(0);
    }

    static String notifyUrl() {
        return "http://127.0.0.1:" + merchantServer.getAddress().getPort() + "/ipn";
    }

    /** HMAC-SHA256 written here again, so that the simulator is checked against an independent implementation. */
    static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> signed(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("secure_hash", hmac(fields.entrySet().stream().filter(e -> !e.getValue().isEmpty()).sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"))));
        return all;
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> payRequest(String orderId, String amount) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("merchant_code", MERCHANT);
        request.put("order_id", orderId);
        request.put("amount", amount);
        request.put("currency", "VND");
        request.put("order_info", "Phí cấp Phiếu lý lịch tư pháp, hồ sơ 000.00.12.H20-261127-0001");
        request.put("return_url", "http://127.0.0.1:9/my/dossiers/x/payment/return");
        request.put("notify_url", notifyUrl());
        request.put("create_date", "20261127100000");
        return signed(request);
    }

    static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        return fields;
    }

    static HttpResponse<String> pay(String checkoutId, String status, boolean withoutNotification) throws Exception {
        String form = "status=" + status + (withoutNotification ? "&withoutNotification=true" : "");
        return BROWSER.send(HttpRequest.newBuilder(URI.create(base() + "/paygov/pay/" + checkoutId))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String checkoutOf(String page) {
        Matcher id = Pattern.compile("action=\"/paygov/pay/([0-9a-f-]{36})\"").matcher(page);
        assertThat(id.find()).as(page).isTrue();
        return id.group(1);
    }

    @Test
    void theChecksumIsHmacSha256OfTheSortedNonEmptyParametersWithoutTheHash() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("order_id", "A1");
        parameters.put("amount", "200000");
        parameters.put("empty", "");
        parameters.put("secure_hash", "ignored");
        assertThat(PaygovSignature.canonical(parameters)).isEqualTo("amount=200000&order_id=A1");
        assertThat(PaygovSignature.sign(parameters, SECRET)).isEqualTo(hmac("amount=200000&order_id=A1"));
        parameters.put("secure_hash", hmac("amount=200000&order_id=A1").toUpperCase());
        assertThat(PaygovSignature.verify(parameters, SECRET)).as("hex case does not matter").isTrue();
        parameters.put("amount", "100000");
        assertThat(PaygovSignature.verify(parameters, SECRET)).as("a changed amount").isFalse();
        assertThat(PaygovSignature.verify(Map.of("amount", "1"), SECRET)).as("no hash").isFalse();
    }

    @Test
    void aForgedOrMalformedPayRequestIsRefusedNamingTheParameter() {
        Map<String, String> forged = new LinkedHashMap<>(payRequest("order-forged", "200000"));
        forged.put("amount", "1000");
        HttpResponse<String> refused = get("/paygov/pay?" + query(forged));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("field").asString()).isEqualTo("secure_hash");

        Map<String, String> bad = new LinkedHashMap<>(payRequest("order-bad", "200.000"));
        bad.put("merchant_code", "OTHER");
        bad.remove("notify_url");
        JsonNode errors = json(get("/paygov/pay?" + query(bad)));
        assertThat(errors.get("errors").findValuesAsString("field")).contains("merchant_code", "amount", "notify_url");
        assertThat(errors.get("detail").asString()).contains("'amount'").contains("nguyên đồng");
    }

    @Test
    void payingNotifiesTheMerchantAndSendsTheBrowserBackWithASignedResult() throws Exception {
        String orderId = UUID.randomUUID().toString();
        HttpResponse<String> page = get("/paygov/pay?" + query(payRequest(orderId, "200000")));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("TRÌNH MÔ PHỎNG").contains("200.000 đồng").contains(orderId).contains("lang=\"vi\"");

        int before = notifications.size();
        HttpResponse<String> paid = pay(checkoutOf(page.body()), "SUCCESS", false);
        assertThat(paid.statusCode()).isEqualTo(303);
        String location = paid.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://127.0.0.1:9/my/dossiers/x/payment/return?");
        Map<String, String> result = parameters(URI.create(location).getRawQuery());
        assertThat(result).containsEntry("order_id", orderId).containsEntry("amount", "200000").containsEntry("status", "SUCCESS")
                .containsEntry("response_code", "00").containsEntry("merchant_code", MERCHANT);
        assertThat(result.get("secure_hash")).isEqualTo(signed(without(result)).get("secure_hash"));

        assertThat(notifications).hasSize(before + 1);
        Map<String, String> ipn = fields(RunningSimulator.JSON.readTree(notifications.get(before)));
        assertThat(ipn).isEqualTo(result);

        Map<String, String> statusQuery = signed(Map.of("merchant_code", MERCHANT, "order_id", orderId, "request_time", "20261127100500"));
        HttpResponse<String> status = get("/paygov/api/transactions?" + query(statusQuery));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(fields(json(status))).isEqualTo(result);

        Map<String, String> forgedQuery = new LinkedHashMap<>(statusQuery);
        forgedQuery.put("order_id", "someone-else");
        assertThat(get("/paygov/api/transactions?" + query(forgedQuery)).statusCode()).isEqualTo(400);
        assertThat(get("/paygov/api/transactions?" + query(signed(Map.of("merchant_code", MERCHANT, "order_id", "nothing",
                "request_time", "20261127100500")))).statusCode()).isEqualTo(404);
        assertThat(pay(checkoutOf(page.body()), "SUCCESS", false).statusCode()).as("a checkout ends once").isEqualTo(404);
    }

    @Test
    void aTransactionCanBeRecordedWithoutNotificationAndTheDailyFileListsItSigned() throws Exception {
        String orderId = UUID.randomUUID().toString();
        int before = notifications.size();
        HttpResponse<String> page = get("/paygov/pay?" + query(payRequest(orderId, "150000")));
        assertThat(pay(checkoutOf(page.body()), "SUCCESS", true).statusCode()).isEqualTo(303);
        assertThat(notifications).as("the lost notification").hasSize(before);

        String hookOrder = UUID.randomUUID().toString();
        HttpResponse<String> recorded = post("/paygov/api/test/transactions",
                Map.of("orderId", hookOrder, "amount", 99000, "status", "FAILED", "notify", false));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String transactionId = json(recorded).get("transaction_id").asString();
        assertThat(post("/paygov/api/test/transactions", Map.of("orderId", "x", "amount", -5, "status", "PAID")).statusCode()).isEqualTo(400);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        HttpResponse<String> file = get("/paygov/api/reconciliation?" + query(signed(Map.of("merchant_code", MERCHANT,
                "date", today.toString(), "request_time", "20261127235900"))));
        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(file.headers().firstValue("X-PayGov-Checksum")).hasValue(hmac(file.body()));
        List<String> lines = file.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("transaction_id,order_id,amount,status,paid_at");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("," + orderId + ",150000,SUCCESS," + today));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(transactionId + "," + hookOrder + ",99000,FAILED," + today)
                .endsWith("+07:00"));
        HttpResponse<String> yesterday = get("/paygov/api/reconciliation?" + query(signed(Map.of("merchant_code", MERCHANT,
                "date", today.minusDays(400).toString(), "request_time", "20261127235900"))));
        assertThat(yesterday.body().lines().count()).isEqualTo(1);
        assertThat(get("/paygov/api/reconciliation?merchant_code=" + MERCHANT + "&date=" + today + "&request_time=1&secure_hash=00")
                .statusCode()).isEqualTo(400);

        HttpResponse<String> resend = post("/paygov/api/test/transactions/" + transactionId + "/notification", "{}");
        assertThat(resend.statusCode()).as("no notify_url was given").isEqualTo(409);
        HttpResponse<String> withUrl = post("/paygov/api/test/transactions",
                Map.of("orderId", hookOrder, "amount", 99000, "status", "SUCCESS", "notify", false, "notifyUrl", notifyUrl()));
        String paidId = json(withUrl).get("transaction_id").asString();
        assertThat(json(post("/paygov/api/test/transactions/" + paidId + "/notification", "{}")).get("httpStatus").asInt()).isEqualTo(200);
        assertThat(notifications).hasSize(before + 1);
        assertThat(fields(RunningSimulator.JSON.readTree(notifications.get(before)))).containsEntry("transaction_id", paidId)
                .containsEntry("status", "SUCCESS");
        assertThat(get("/paygov").body()).contains(paidId).contains("TRÌNH MÔ PHỎNG");
    }

    private static Map<String, String> without(Map<String, String> result) {
        Map<String, String> copy = new LinkedHashMap<>(result);
        copy.remove("secure_hash");
        return copy;
    }
}
