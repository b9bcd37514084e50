package vn.gov.egov.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.dossier.DossierTestSupport;

/**
 * Fees through the simulated PayGov: a received dossier gets its payment request, the citizen pays, PayGov's
 * notification marks it paid and the receipt is issued once; forged and wrong-amount notifications are refused;
 * the browser's return alone changes nothing; reconciliation lists what PayGov has and the platform has not.
 */
class PaymentTest extends DossierTestSupport {

    static final String SECRET = "paygov-simulator-secret";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Payments payments;

    @Autowired
    ConfigurableApplicationContext context;

    private static String citizenToken;
    private final List<FeePaid> feesPaid = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof FeePaid paid) {
            feesPaid.add(paid);
        }
    };

    @BeforeEach
    void citizen() throws Exception {
        if (citizenToken == null) {
            citizenToken = citizenToken(CITIZEN);
        }
        context.addApplicationListener(recorder);
    }

    @AfterEach
    void stopRecording() {
        context.getBean(org.springframework.context.event.ApplicationEventMulticaster.class).removeApplicationListener(recorder);
    }

    /** A dossier of 1.000001 (fee 200.000 đồng) submitted online and received at the desk; returns its code. */
    private String received(String marker) throws Exception {
        String code = submitOnline(citizenToken, marker);
        HttpResponse<String> accepted = as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/acceptance", "application/json", "{}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        return code;
    }

    private JsonNode current(String code) throws Exception {
        HttpResponse<String> list = as(DESK, "GET", "/api/v1/dossiers/" + code + "/payments", null, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode all = json.readTree(list.body());
        return all.isEmpty() ? null : all.get(0);
    }

    private JsonNode requested(String code) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> current(code), p -> p != null);
    }

    /** The citizen's session cookies are for 127.0.0.1 ({@link #citizenSession}). */
    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String sign(Map<String, String> fields, String key) {
        return PaygovSignature.sign(fields, key);
    }

    private HttpResponse<String> notify(Map<String, String> fields) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/paygov/notifications")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> notification(String orderId, String transactionId, long amount, String key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("merchant_code", "LSN-EGOV");
        fields.put("order_id", orderId);
        fields.put("transaction_id", transactionId);
        fields.put("amount", String.valueOf(amount));
        fields.put("currency", "VND");
        fields.put("status", "SUCCESS");
        fields.put("response_code", "00");
        fields.put("paid_at", "20261127100000");
        fields.put("secure_hash", sign(fields, key));
        return fields;
    }

    private HttpResponse<String> simulator(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Browser deskBrowser() throws Exception {
        Browser desk = new Browser();
        desk.logIn(DESK);
        return desk;
    }

    private long audited(String action, String objectId) {
        return jdbc.sql("""
                        SELECT count(*) FROM (SELECT action, object_id FROM audit_pending UNION ALL SELECT action, object_id FROM audit_entry) a
                        WHERE action = ? AND object_id = ?""").params(action, objectId).query(Long.class).single();
    }

    private long answers(String paymentId, String outcome) {
        return jdbc.sql("SELECT count(*) FROM payment_notification WHERE order_id = ? AND outcome = ?").params(paymentId, outcome)
                .query(Long.class).single();
    }

    /** The citizen's browser: to the platform, then PayGov's pay page, the chosen outcome, and back. Returns the return URL. */
    private String payThroughPaygov(HttpClient browser, String code, String status, boolean withoutNotification) throws Exception {
        HttpResponse<String> toPaygov = browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment/paygov")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(toPaygov.statusCode()).as(toPaygov.body()).isEqualTo(302);
        String payUrl = toPaygov.headers().firstValue("Location").orElseThrow();
        assertThat(payUrl).startsWith("http://127.0.0.1:" + simulatorPort() + "/paygov/pay?").contains("secure_hash=");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(payUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("200.000 đồng");
        Matcher checkout = Pattern.compile("action=\"/paygov/pay/([0-9a-f-]{36})\"").matcher(page.body());
        assertThat(checkout.find()).isTrue();
        HttpResponse<String> paid = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + "/paygov/pay/"
                        + checkout.group(1))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("status=" + status + (withoutNotification ? "&withoutNotification=true" : ""))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(303);
        return paid.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void aReceivedDossierIsPaidThroughPaygovAndGetsOneReceiptHoweverOftenPaygovNotifies() throws Exception {
        String code = received("payment-flow");
        JsonNode requested = requested(code);
        String paymentId = requested.get("id").asString();
        assertThat(requested.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(requested.get("amount").asLong()).isEqualTo(200_000);
        assertThat(requested.get("fees").get(0).get("name").asString()).isEqualTo("Phí cấp Phiếu lý lịch tư pháp");
        UUID dossierId = jdbc.sql("SELECT dossier_id FROM payment WHERE id = ?").param(UUID.fromString(paymentId)).query(UUID.class).single();
        assertThat(payments.stateOf(dossierId)).hasValue(PaymentState.REQUESTED);

        HttpClient browser = citizenSession(CITIZEN);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Thanh toán qua PayGov").contains("200.000 đồng").contains("Phí cấp Phiếu lý lịch tư pháp")
                .contains("data-state=\"REQUESTED\"");

        String back = payThroughPaygov(browser, code, "SUCCESS", false);
        assertThat(back).startsWith("http://127.0.0.1:" + port + "/my/dossiers/" + code + "/payment/return?");
        assertThat(payments.stateOf(dossierId)).as("PayGov's notification came before the browser").hasValue(PaymentState.PAID);
        JsonNode paid = current(code);
        assertThat(paid.get("confirmedBy").asString()).isEqualTo("NOTIFICATION");
        assertThat(paid.get("receiptNumber").asString()).matches("\\d{6}/\\d{4}/BLĐT");
        assertThat(feesPaid).singleElement().satisfies(e -> {
            assertThat(e.dossierCode()).isEqualTo(code);
            assertThat(e.paymentId().toString()).isEqualTo(paymentId);
            assertThat(e.amount()).isEqualTo(200_000);
            assertThat(e.online()).isTrue();
            assertThat(e.dossierId()).isEqualTo(dossierId);
        });

        HttpResponse<String> returned = browser.send(HttpRequest.newBuilder(URI.create(back)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(returned.statusCode()).isEqualTo(302);
        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.body()).contains("Thanh toán thành công").contains("data-state=\"PAID\"").contains(paid.get("receiptNumber").asString())
                .doesNotContain("id=\"pay-paygov\"");

        HttpResponse<byte[]> receipt = browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment/receipt")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var pdf = Loader.loadPDF(receipt.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ").contains(code).contains("200.000")
                    .contains(paid.get("transactionId").asString()).contains("Nguyễn Văn An");
        }
        HttpResponse<String> officerReceipt = as(DESK, "GET", "/api/v1/dossiers/" + code + "/payments/receipt", null, null);
        assertThat(officerReceipt.statusCode()).isEqualTo(200);
        assertThat(as(OTHER_DESK, "GET", "/api/v1/dossiers/" + code + "/payments/receipt", null, null).statusCode()).isEqualTo(404);
        assertThat(as(OTHER_DESK, "GET", "/api/v1/dossiers/" + code + "/payments", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> asCitizen = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers/" + code + "/payments"))
                .header("Authorization", "Bearer " + citizenToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(asCitizen.body()).get(0).get("state").asString()).isEqualTo("PAID");

        // PayGov notifies again (twice): acknowledged, nothing changes, no second receipt
        String transactionId = paid.get("transactionId").asString();
        for (int i = 0; i < 2; i++) {
            JsonNode resent = json.readTree(simulator("POST", "/paygov/api/test/transactions/" + transactionId + "/notification", "{}").body());
            assertThat(resent.get("httpStatus").asInt()).isEqualTo(200);
        }
        assertThat(answers(paymentId, "ACCEPTED")).isEqualTo(1);
        assertThat(answers(paymentId, "REPEATED")).isEqualTo(2);
        assertThat(current(code).get("receiptNumber").asString()).isEqualTo(paid.get("receiptNumber").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM attachment_reference WHERE dossier_code = ? AND channel = 'PAYMENT'").param(code)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(feesPaid).hasSize(1);
        assertThat(audited("PAYMENT_PAID", paymentId)).isEqualTo(1);

        // the officers' pages include the payment state as a fragment
        var servlet = new org.springframework.mock.web.MockServletContext();
        var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication.buildApplication(servlet)
                .buildExchange(new org.springframework.mock.web.MockHttpServletRequest(servlet), new org.springframework.mock.web.MockHttpServletResponse());
        var fragment = new org.thymeleaf.context.WebContext(exchange, java.util.Locale.forLanguageTag("vi"));
        fragment.setVariable(org.thymeleaf.spring6.expression.ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(context, null));
        fragment.setVariable("dossierCode", code);
        String html = context.getBean(org.thymeleaf.spring6.SpringTemplateEngine.class).process("payment/fragments", java.util.Set.of("state"), fragment);
        assertThat(html).contains("data-state=\"PAID\"").contains("Đã thanh toán").contains("200.000 đồng")
                .contains("/reception/dossiers/" + code + "/payment/receipt").contains(paid.get("receiptNumber").asString());
        HttpResponse<byte[]> deskReceipt = deskBrowser().client().send(HttpRequest.newBuilder(uri("/reception/dossiers/" + code
                + "/payment/receipt")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(deskReceipt.statusCode()).isEqualTo(200);
        assertThat(new String(deskReceipt.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // the desk cannot change fees that are paid
        HttpResponse<String> adjust = as(DESK, "POST", "/api/v1/dossiers/" + code + "/payments", "application/json", "{}");
        assertThat(adjust.statusCode()).isEqualTo(409);
    }

    @Test
    void forgedAndWrongAmountNotificationsAreRefusedAndTheBrowserReturnAloneChangesNothing() throws Exception {
        String code = received("payment-refusals");
        String paymentId = requested(code).get("id").asString();

        HttpResponse<String> forged = notify(notification(paymentId, "PG-FORGED-1", 200_000, "not-the-merchant-key"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(forged.body()).get("type").asString()).endsWith("/forged-notification");
        assertThat(json.readTree(forged.body()).get("detail").asString()).contains("secure_hash");
        Map<String, String> tampered = notification(paymentId, "PG-FORGED-2", 200_000, SECRET);
        tampered.put("amount", "2000");
        assertThat(notify(tampered).statusCode()).isEqualTo(400);
        Map<String, String> otherMerchant = notification(paymentId, "PG-FORGED-3", 200_000, SECRET);
        otherMerchant.put("merchant_code", "OTHER");
        otherMerchant.put("secure_hash", sign(otherMerchant, SECRET));
        assertThat(notify(otherMerchant).statusCode()).isEqualTo(400);
        assertThat(audited("PAYMENT_NOTIFICATION_REFUSED", paymentId)).isEqualTo(3);
        assertThat(current(code).get("state").asString()).isEqualTo("REQUESTED");
        assertThat(answers(paymentId, "ACCEPTED")).isZero();

        HttpResponse<String> wrongAmount = notify(notification(paymentId, "PG-AMOUNT-1", 100_000, SECRET));
        assertThat(wrongAmount.statusCode()).as(wrongAmount.body()).isEqualTo(400);
        assertThat(json.readTree(wrongAmount.body()).get("type").asString()).endsWith("/amount-mismatch");
        assertThat(json.readTree(wrongAmount.body()).get("detail").asString()).contains("'amount'").contains("100000");
        assertThat(answers(paymentId, "AMOUNT_MISMATCH")).isEqualTo(1);
        assertThat(audited("PAYMENT_AMOUNT_MISMATCH", paymentId)).isEqualTo(1);
        assertThat(current(code).get("state").asString()).isEqualTo("REQUESTED");
        assertThat(notify(notification(UUID.randomUUID().toString(), "PG-UNKNOWN", 100, SECRET)).statusCode()).isEqualTo(400);
        HttpResponse<String> notJson = http.send(HttpRequest.newBuilder(uri("/api/v1/paygov/notifications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(400);

        // the citizen goes to PayGov, pays, but PayGov's notification is lost; a forged return changes nothing
        HttpClient browser = citizenSession(CITIZEN);
        String back = payThroughPaygov(browser, code, "SUCCESS", true);
        assertThat(current(code).get("state").asString()).isEqualTo("PENDING");
        String forgedBack = back.replaceAll("secure_hash=[0-9a-f]+", "secure_hash=" + "0".repeat(64));
        browser.send(HttpRequest.newBuilder(URI.create(forgedBack)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(current(code).get("state").asString()).isEqualTo("PENDING");
        assertThat(audited("PAYMENT_RETURN_REFUSED", paymentId)).isEqualTo(1);

        // the genuine return makes the platform ask PayGov, whose signed answer marks it paid
        HttpResponse<String> returned = browser.send(HttpRequest.newBuilder(URI.create(back)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(returned.statusCode()).isEqualTo(302);
        JsonNode paid = current(code);
        assertThat(paid.get("state").asString()).isEqualTo("PAID");
        assertThat(paid.get("confirmedBy").asString()).isEqualTo("STATUS_QUERY");
        assertThat(feesPaid).hasSize(1);
    }

    @Test
    void aSignedReturnWithoutATransactionAtPaygovLeavesThePaymentPending() throws Exception {
        String code = received("payment-return");
        String paymentId = requested(code).get("id").asString();
        HttpClient browser = citizenSession(CITIZEN);
        HttpResponse<String> toPaygov = browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment/paygov")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(toPaygov.statusCode()).isEqualTo(302);
        Map<String, String> result = notification(paymentId, "PG-NEVER-PAID", 200_000, SECRET);
        String query = result.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b).orElseThrow();
        browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment/return?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("PayGov chưa xác nhận giao dịch").contains("data-state=\"PENDING\"");
        assertThat(current(code).get("state").asString()).isEqualTo("PENDING");
        assertThat(feesPaid).isEmpty();
    }

    @Test
    void theDeskAdjustsTheFeesOfItsOwnDossiersOnly() throws Exception {
        String code = received("payment-adjust");
        String first = requested(code).get("id").asString();

        HttpResponse<String> invalid = as(DESK, "POST", "/api/v1/dossiers/" + code + "/payments", "application/json",
                "{\"fees\":[{\"name\":\"Phí\",\"amount\":-1}]}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(json.readTree(invalid.body()).get("field").asString()).isEqualTo("fees[0].amount");
        assertThat(as(OTHER_DESK, "POST", "/api/v1/dossiers/" + code + "/payments", "application/json", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> byCitizen = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers/" + code + "/payments"))
                .header("Authorization", "Bearer " + citizenToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byCitizen.statusCode()).isEqualTo(404);

        HttpResponse<String> adjusted = as(DESK, "POST", "/api/v1/dossiers/" + code + "/payments", "application/json",
                "{\"fees\":[{\"name\":\"Phí cấp Phiếu lý lịch tư pháp\",\"amount\":100000,\"note\":\"Sinh viên\"}]}");
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(201);
        assertThat(json.readTree(adjusted.body()).get("amount").asLong()).isEqualTo(100_000);
        JsonNode all = json.readTree(as(DESK, "GET", "/api/v1/dossiers/" + code + "/payments", null, null).body());
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("state").asString()).isEqualTo("REQUESTED");
        assertThat(all.get(0).get("requestedBy").asString()).isEqualTo(DESK);
        assertThat(all.get(1).get("id").asString()).isEqualTo(first);
        assertThat(all.get(1).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(audited("PAYMENT_ADJUSTED", json.readTree(adjusted.body()).get("id").asString())).isEqualTo(1);
    }

    @Test
    void reconciliationListsAPaymentPaidAtPaygovButNotNotified() throws Exception {
        String code = received("payment-reconcile");
        String paymentId = requested(code).get("id").asString();
        HttpResponse<String> recorded = simulator("POST", "/paygov/api/test/transactions",
                "{\"orderId\":\"" + paymentId + "\",\"amount\":200000,\"status\":\"SUCCESS\",\"notify\":false}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String transactionId = json.readTree(recorded.body()).get("transaction_id").asString();

        String today = LocalDate.now(WorkingCalendar.ZONE).toString();
        Browser admin = new Browser();
        admin.logIn(ADMIN);
        HttpResponse<String> run = admin.post("/admin/payments/reconciliation", "/admin/payments/reconciliation", Map.of("date", today));
        assertThat(run.statusCode()).isEqualTo(302);
        String location = run.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/admin/payments/reconciliation?report=");
        String reportId = URLDecoder.decode(location.substring(location.indexOf("report=") + 7), StandardCharsets.UTF_8);

        HttpResponse<String> page = admin.get("/admin/payments/reconciliation?report=" + reportId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-order=\"" + paymentId + "\"").contains("PAID_AT_PAYGOV_ONLY").contains(code)
                .contains(transactionId).contains("Đã thanh toán tại PayGov, chưa ghi nhận trên hệ thống");
        HttpResponse<String> csv = admin.get("/admin/payments/reconciliation/" + reportId + ".csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains("PAID_AT_PAYGOV_ONLY,\"Đã thanh toán tại PayGov, chưa ghi nhận trên hệ thống\"," + paymentId + ","
                + transactionId + "," + code + ",200000,200000,SUCCESS,REQUESTED");
        assertThat(current(code).get("state").asString()).as("reconciliation reports, it does not pay").isEqualTo("REQUESTED");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_reconciliation_item WHERE reconciliation_id = ? AND order_id = ?")
                .params(UUID.fromString(reportId), paymentId).query(Long.class).single()).isEqualTo(1);

        // the citizen asks the platform to check: PayGov's signed answer confirms the payment, the next run is clean for it
        HttpClient browser = citizenSession(CITIZEN);
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.body()).doesNotContain("id=\"check-payment\"");
        browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment/paygov")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withCheck = browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withCheck.body()).contains("id=\"check-payment\"");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(withCheck.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> checked = browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/payment/check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(checked.statusCode()).isIn(302, 303);
        assertThat(current(code).get("state").asString()).isEqualTo("PAID");
        HttpResponse<String> again = admin.post("/admin/payments/reconciliation", "/admin/payments/reconciliation", Map.of("date", today));
        String second = again.headers().firstValue("Location").orElseThrow();
        assertThat(admin.get(second.substring(second.indexOf("/admin"))).body()).doesNotContain("data-order=\"" + paymentId + "\"");

        HttpResponse<String> notAdmin = get("/admin/payments/reconciliation");
        assertThat(notAdmin.statusCode()).isIn(302, 401, 403);
    }
}
