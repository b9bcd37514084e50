package vn.gov.national.simulator.paygov;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.national.simulator.JsonBodyCheck;
import vn.gov.national.simulator.SimulatorProblem;

/**
 * The simulated PayGov's memory: checkouts the merchant opened (the citizen's browser was redirected here with a
 * signed request), the transactions they ended in, and the server-to-server notifications (IPN) sent for them.
 * No money moves; nothing leaves the machine but the notification to the merchant's {@code notify_url}.
 */
@Component
class PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(PaymentGateway.class);

    static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(JsonBodyCheck.VIETNAM);
    static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(JsonBodyCheck.VIETNAM);
    static final Set<String> STATUSES = Set.of("SUCCESS", "FAILED", "CANCELLED");
    static final long MAX_AMOUNT = 1_000_000_000_000L;
    private static final Pattern DIGITS = Pattern.compile("[1-9]\\d{0,12}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Checkout(String id, String orderId, long amount, String orderInfo, String returnUrl, String notifyUrl, Instant openedAt) {
    }

    record Notification(Instant at, int httpStatus, String answer) {
    }

    static final class Transaction {
        final String transactionId;
        final String orderId;
        final long amount;
        final String status;
        final Instant at;
        final String notifyUrl;
        final List<Notification> notifications = new ArrayList<>();

        Transaction(String transactionId, String orderId, long amount, String status, Instant at, String notifyUrl) {
            this.transactionId = transactionId;
            this.orderId = orderId;
            this.amount = amount;
            this.status = status;
            this.at = at;
            this.notifyUrl = notifyUrl;
        }

        String responseCode() {
            return switch (status) {
                case "SUCCESS" -> "00";
                case "CANCELLED" -> "24";
                default -> "51";
            };
        }
    }

    private final PaygovMerchant merchant;
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofSeconds(1));
    private final Map<String, Checkout> checkouts = new ConcurrentHashMap<>();
    private final Map<String, Transaction> transactions = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long nextSerial = 1;

    PaymentGateway(PaygovMerchant merchant) {
        this.merchant = merchant;
    }

    PaygovMerchant merchant() {
        return merchant;
    }

    /** Checks a payment request the merchant signed; every fault at once, naming the parameter. */
    Checkout open(Map<String, String> request) {
        List<SimulatorProblem.FieldError> errors = new ArrayList<>();
        String merchantCode = request.get("merchant_code");
        if (!merchant.code().equals(merchantCode)) {
            errors.add(new SimulatorProblem.FieldError("merchant_code", "known-merchant",
                    "Tham số 'merchant_code' phải là mã đơn vị chấp nhận thanh toán đã đăng ký với PayGov (mô phỏng)"));
        }
        String orderId = request.getOrDefault("order_id", "");
        if (orderId.isBlank() || orderId.length() > 64) {
            errors.add(new SimulatorProblem.FieldError("order_id", "required", "Tham số 'order_id' là bắt buộc, tối đa 64 ký tự"));
        }
        long amount = amount(request.get("amount"), errors);
        if (!"VND".equals(request.getOrDefault("currency", "VND"))) {
            errors.add(new SimulatorProblem.FieldError("currency", "vnd", "Tham số 'currency' chỉ nhận VND"));
        }
        String returnUrl = url(request.get("return_url"), "return_url", errors);
        String notifyUrl = url(request.get("notify_url"), "notify_url", errors);
        if (errors.isEmpty() && !PaygovSignature.verify(request, merchant.secretKey())) {
            errors.add(new SimulatorProblem.FieldError("secure_hash", "hmac-sha256",
                    "Tham số 'secure_hash' không khớp chữ ký HMAC-SHA256 của yêu cầu với khóa bí mật của đơn vị"));
        }
        if (!errors.isEmpty()) {
            throw SimulatorProblem.invalid(errors);
        }
        Checkout checkout = new Checkout(UUID.randomUUID().toString(), orderId, amount, request.getOrDefault("order_info", ""),
                returnUrl, notifyUrl, clock.instant());
        checkouts.put(checkout.id(), checkout);
        return checkout;
    }

    Optional<Checkout> checkout(String id) {
        return Optional.ofNullable(checkouts.get(id));
    }

    /** The citizen paid (or failed, or cancelled) on the pay page: the transaction, and its notification unless told not to. */
    Transaction complete(String checkoutId, String status, boolean notify) {
        Checkout checkout = checkouts.remove(checkoutId);
        if (checkout == null) {
            throw SimulatorProblem.notFound("unknown-checkout", "Phiên thanh toán '%s' không tồn tại hoặc đã kết thúc".formatted(checkoutId));
        }
        Transaction transaction = record(checkout.orderId(), checkout.amount(), status, clock.instant(), checkout.notifyUrl());
        if (notify) {
            notifyMerchant(transaction);
        }
        return transaction;
    }

    synchronized Transaction record(String orderId, long amount, String status, Instant at, String notifyUrl) {
        String id = "PG" + COMPACT.format(at).substring(0, 8) + "%08d".formatted(nextSerial++);
        Transaction transaction = new Transaction(id, orderId, amount, status, at, notifyUrl);
        transactions.put(id, transaction);
        log.info("SIMULATOR PayGov: transaction {} for order {}: {} {} VND", id, orderId, status, amount);
        return transaction;
    }

    synchronized Optional<Transaction> transaction(String transactionId) {
        return Optional.ofNullable(transactions.get(transactionId));
    }

    /** The order's successful transaction if there is one, otherwise its latest. */
    synchronized Optional<Transaction> latest(String orderId) {
        List<Transaction> all = transactions.values().stream().filter(t -> t.orderId.equals(orderId)).toList();
        return all.stream().filter(t -> "SUCCESS".equals(t.status)).findFirst()
                .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
    }

    synchronized List<Transaction> all() {
        List<Transaction> all = new ArrayList<>(transactions.values());
        all.sort(Comparator.comparing((Transaction t) -> t.at).reversed());
        return all;
    }

    /** The result as PayGov signs it: for the browser's return, the notification and the status query. */
    Map<String, String> result(Transaction t) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("merchant_code", merchant.code());
        result.put("order_id", t.orderId);
        result.put("transaction_id", t.transactionId);
        result.put("amount", String.valueOf(t.amount));
        result.put("currency", "VND");
        result.put("status", t.status);
        result.put("response_code", t.responseCode());
        result.put("paid_at", COMPACT.format(t.at));
        result.put(PaygovSignature.HASH, PaygovSignature.sign(result, merchant.secretKey()));
        return result;
    }

    String returnUrl(String base, Transaction t) {
        String query = result(t).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return base + (base.contains("?") ? "&" : "?") + query;
    }

    /** POSTs the signed result to the merchant's notification URL (IPN) and remembers the answer. */
    Notification notifyMerchant(Transaction t) {
        if (t.notifyUrl == null) {
            throw SimulatorProblem.conflict("no-notify-url", "Giao dịch '%s' không có địa chỉ nhận thông báo (notify_url)"
                    .formatted(t.transactionId));
        }
        Notification notification;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(t.notifyUrl)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(result(t))))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            notification = new Notification(clock.instant(), answer.statusCode(), abbreviate(answer.body()));
        } catch (java.io.IOException e) {
            notification = new Notification(clock.instant(), 0, "không kết nối được: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        synchronized (this) {
            t.notifications.add(notification);
        }
        log.info("SIMULATOR PayGov: notification of {} to the merchant answered {}", t.transactionId, notification.httpStatus());
        return notification;
    }

    /** The daily reconciliation file: every transaction whose time falls on {@code date} (Vietnam time), oldest first. */
    synchronized String dailyFile(LocalDate date) {
        StringBuilder csv = new StringBuilder("transaction_id,order_id,amount,status,paid_at\n");
        transactions.values().stream().filter(t -> t.at.atZone(JsonBodyCheck.VIETNAM).toLocalDate().equals(date))
                .sorted(Comparator.comparing((Transaction t) -> t.at).thenComparing(t -> t.transactionId))
                .forEach(t -> csv.append(t.transactionId).append(',').append(csvField(t.orderId)).append(',').append(t.amount)
                        .append(',').append(t.status).append(',').append(OFFSET.format(t.at)).append('\n'));
        return csv.toString();
    }

    static long amount(String value, List<SimulatorProblem.FieldError> errors) {
        if (value == null || !DIGITS.matcher(value).matches() || Long.parseLong(value) > MAX_AMOUNT) {
            errors.add(new SimulatorProblem.FieldError("amount", "whole-vnd",
                    "Tham số 'amount' phải là số tiền nguyên đồng (VND), lớn hơn 0, không có dấu phân cách"));
            return 0;
        }
        return Long.parseLong(value);
    }

    private static String url(String value, String name, List<SimulatorProblem.FieldError> errors) {
        try {
            URI uri = URI.create(value == null ? "" : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new SimulatorProblem.FieldError(name, "absolute-url", "Tham số '%s' phải là địa chỉ http(s) đầy đủ".formatted(name)));
        return null;
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
