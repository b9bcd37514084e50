package vn.gov.egov.lgsp.gateway;

import vn.gov.egov.personaldata.FreeTextMasking;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gov.egov.identity.PresentedCertificate;
import vn.gov.egov.lgsp.messagelog.LoggedCall;
import vn.gov.egov.lgsp.messagelog.MessageLog;
import vn.gov.egov.lgsp.registry.ConsumerSystem;
import vn.gov.egov.lgsp.registry.ProviderService;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.lgsp.registry.ServiceRegistry;
import vn.gov.egov.lgsp.registry.ServiceState;

/**
 * The gateway's pass-through at {@code /lgsp/r1/**}, a servlet filter ahead of every other (Spring Security's chain,
 * MVC, request observations): token, consumer, client certificate (when the consumer registered one or the token is
 * bound to one), service, access right, quota, size, target beneath the registered
 * endpoint, circuit, forward, hashes, one message-log record and one timer sample per call, whatever the outcome.
 * Everything it asks is in memory (registry snapshot, token memory, buckets); the message log queues.
 */
final class PassingThrough extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PassingThrough.class);
    private static final String PREFIX = GatewayHeaders.PATH_PREFIX + "/";

    private final TokenCheck tokens;
    private final Supplier<ServiceRegistry> registry;
    private final Supplier<MessageLog> messageLog;
    private final Quotas quotas;
    private final CircuitBreakers circuits;
    private final ProviderClient providers;
    private final MeterRegistry meters;
    private final PresentedCertificate presentedCertificate;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    PassingThrough(TokenCheck tokens, Supplier<ServiceRegistry> registry, Supplier<MessageLog> messageLog, Quotas quotas,
                   CircuitBreakers circuits, ProviderClient providers, MeterRegistry meters, PresentedCertificate presentedCertificate) {
        this.tokens = tokens;
        this.registry = registry;
        this.messageLog = messageLog;
        this.quotas = quotas;
        this.circuits = circuits;
        this.providers = providers;
        this.meters = meters;
        this.presentedCertificate = presentedCertificate;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.startsWith(PREFIX) || uri.equals(GatewayHeaders.PATH_PREFIX)) {
            return false;
        }
        // a raw path that only normalises to the gateway's (/lgsp/./r1/..., /lgsp//r1/...) is the gateway's to refuse
        String servletPath = request.getServletPath();
        return !(servletPath.startsWith(PREFIX) || servletPath.equals(GatewayHeaders.PATH_PREFIX));
    }

    /** What is known of a call so far, for the answer, the message log and the timer. */
    private static final class Call {
        final String requestId = UUID.randomUUID().toString();
        final Instant at = Instant.now();
        final long start = System.nanoTime();
        String clientId;
        ConsumerSystem consumer;
        /** {@code member/subsystem} of the consumer, made once per call (it names the caller in headers, quotas, log). */
        String consumerName;
        ProviderService service;
        /** The service's address path, made once per call. */
        String serviceName;
        String method;
        String path;
        int status;
        String errorClass;
        long requestBytes;
        long responseBytes;
        long providerNanos;
        String requestHash;
        String responseHash;
        byte[] requestBody;
        byte[] responseBody;
        boolean finished;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Call call = new Call();
        // the gateway's request id names the call in every log line it causes (the platform's X-Request-Id filter runs after)
        org.slf4j.MDC.put("requestId", call.requestId);
        try {
            pass(request, response, call);
        } catch (GatewayRefusal refusal) {
            refuse(response, call, refusal);
        } catch (RuntimeException e) {
            log.warn("Gateway call {} failed", call.requestId, e);
            refuse(response, call, new GatewayRefusal(GatewayError.PROVIDER_UNREACHABLE, "Lỗi khi chuyển tiếp cuộc gọi"));
        } finally {
            finish(call);
            org.slf4j.MDC.remove("requestId");
        }
    }

    private void pass(HttpServletRequest request, HttpServletResponse response, Call call) throws IOException {
        String rawUri = request.getRequestURI();
        call.method = request.getMethod();
        call.path = loggable(rawUri);
        Jwt jwt = tokens.check(request.getHeader("Authorization"));
        call.clientId = jwt.getSubject();
        CallPath path = CallPath.parse(rawUri);
        call.path = FreeTextMasking.mask(path.operationPath());
        String query = request.getQueryString();
        if (query != null) {
            ForwardTarget.checkQuery(query);
        }
        ServiceRegistry services = registry.get();
        ConsumerSystem consumer = services.consumerByClientId(call.clientId).orElseThrow(() -> new GatewayRefusal(
                GatewayError.UNKNOWN_CONSUMER, "Ứng dụng '" + call.clientId + "' chưa gắn với hệ thống nào đăng ký trên LGSP"));
        call.consumer = consumer;
        call.consumerName = consumer.name();
        String claimed = request.getHeader(GatewayHeaders.CLIENT);
        if (claimed != null && !claimed.equals(call.consumerName)) {
            throw new GatewayRefusal(GatewayError.ACCESS_DENIED,
                    "Tiêu đề " + GatewayHeaders.CLIENT + " không khớp với hệ thống của mã truy cập (" + call.consumerName + ")");
        }
        ClientCertificateCheck.check(() -> presented(request),
                services.clientCertificates(consumer), jwt, call.consumerName, Instant.now());
        ProviderService service = services.service(path.address()).orElseThrow(() -> new GatewayRefusal(
                GatewayError.UNKNOWN_SERVICE, "Không có dịch vụ " + path.address() + " trên LGSP"));
        call.service = service;
        call.serviceName = service.address().path();
        if (!service.state().callable()) {
            throw new GatewayRefusal(service.state() == ServiceState.RETIRED ? GatewayError.SERVICE_RETIRED
                    : GatewayError.SERVICE_NOT_CALLABLE, "Dịch vụ " + path.address() + " đang ở trạng thái " + service.state());
        }
        String method = request.getMethod();
        if (!services.mayCall(consumer, service, method, path.operationPath())) {
            throw new GatewayRefusal(GatewayError.ACCESS_DENIED, "Hệ thống " + call.consumerName + " không có quyền gọi "
                    + method + " " + call.path + " của dịch vụ " + path.address());
        }
        URI target = ForwardTarget.of(service.endpoint(), path.subPath(), query);
        Set<String> connectionTokens = HeaderPolicy.connectionTokens(request.getHeaders("Connection"));
        List<String[]> headers = new ArrayList<>();
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (HeaderPolicy.toProvider(name, connectionTokens) && !presentedCertificate.isHeader(name)) {
                Enumeration<String> values = request.getHeaders(name);
                while (values.hasMoreElements()) {
                    String value = values.nextElement();
                    if (HeaderPolicy.unsafeValue(value)) {
                        throw CallPath.bad("Tiêu đề '" + name + "' chứa ký tự điều khiển (CR, LF...)");
                    }
                    headers.add(new String[] {name, value});
                }
            }
        }
        long wait = quotas.take(consumer.id(), service.id(), call.consumerName, call.serviceName,
                service.ratePerSecond(), service.burst());
        if (wait > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L));
            throw new GatewayRefusal(GatewayError.QUOTA_EXCEEDED, "Hệ thống " + call.consumerName + " đã dùng hết hạn mức "
                    + service.ratePerSecond() + " cuộc gọi/giây (tối đa " + service.burst() + " liên tiếp) của dịch vụ "
                    + path.address(), seconds);
        }
        byte[] body = readBody(request, service.maxRequestBytes());
        call.requestBytes = body.length;
        call.requestHash = GatewayHeaders.bodyHash(body);
        if (service.logBodies()) {
            call.requestBody = body;
        }
        String provider = service.address().provider() + "/" + service.address().subsystem();
        circuits.acquire(provider);
        headers.add(new String[] {GatewayHeaders.REQUEST_ID, call.requestId});
        headers.add(new String[] {GatewayHeaders.CLIENT, call.consumerName});
        headers.add(new String[] {GatewayHeaders.SERVICE, call.serviceName});
        headers.add(new String[] {GatewayHeaders.REQUEST_HASH, call.requestHash});
        long providerStart = System.nanoTime();
        ProviderClient.Answer answer;
        try {
            answer = providers.call(method, target, headers, body, service.timeout());
        } catch (GatewayRefusal failure) {
            call.providerNanos = System.nanoTime() - providerStart;
            if (failure.error != GatewayError.PROVIDER_ERROR) {
                circuits.failed(provider);
            }
            throw failure;
        }
        call.providerNanos = System.nanoTime() - providerStart;
        if (answer.status() >= 500) {
            circuits.failed(provider);
            call.errorClass = GatewayError.PROVIDER_ERROR.errorClass;
        } else {
            circuits.succeeded(provider);
        }
        answer(response, call, answer);
    }

    private void answer(HttpServletResponse response, Call call, ProviderClient.Answer answer) throws IOException {
        call.status = answer.status();
        call.responseBytes = answer.body().length;
        call.responseHash = GatewayHeaders.responseHash(call.requestId, call.requestHash, answer.body());
        if (call.service.logBodies()) {
            call.responseBody = answer.body();
        }
        response.setStatus(answer.status());
        Set<String> connectionTokens = Set.of();
        for (String[] header : answer.headers()) {
            if (header[0].equalsIgnoreCase("Connection")) {
                connectionTokens = HeaderPolicy.connectionTokens(java.util.Collections.enumeration(List.of(header[1])));
            }
        }
        for (String[] header : answer.headers()) {
            if (HeaderPolicy.toConsumer(header[0], connectionTokens) && !HeaderPolicy.unsafeValue(header[1])) {
                response.addHeader(header[0], header[1]);
            }
        }
        response.setHeader(GatewayHeaders.REQUEST_ID, call.requestId);
        response.setHeader(GatewayHeaders.REQUEST_HASH, call.requestHash);
        response.setHeader(GatewayHeaders.RESPONSE_HASH, call.responseHash);
        if (call.errorClass != null) {
            response.setHeader(GatewayHeaders.ERROR, call.errorClass);
        }
        response.setContentLength(answer.body().length);
        finish(call);
        try (OutputStream out = response.getOutputStream()) {
            out.write(answer.body());
        }
    }

    private static byte[] readBody(HttpServletRequest request, long max) throws IOException {
        long declared = request.getContentLengthLong();
        long limit = max > 0 ? max : Long.MAX_VALUE;
        if (declared > limit) {
            throw new GatewayRefusal(GatewayError.BODY_TOO_LARGE,
                    "Nội dung yêu cầu " + declared + " byte, vượt giới hạn " + max + " byte của dịch vụ");
        }
        if (declared == 0) {
            return new byte[0];
        }
        InputStream in = request.getInputStream();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new GatewayRefusal(GatewayError.BODY_TOO_LARGE,
                        "Nội dung yêu cầu vượt giới hạn " + max + " byte của dịch vụ");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletResponse response, Call call, GatewayRefusal refusal) throws IOException {
        GatewayError error = refusal.error;
        call.status = error.status;
        call.errorClass = error.errorClass;
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(error.status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(GatewayHeaders.REQUEST_ID, call.requestId);
        response.setHeader(GatewayHeaders.ERROR, error.errorClass);
        if (refusal.retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds));
        }
        if (error.status == 401 && error.errorClass.startsWith("gateway.token")) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"" + (error == GatewayError.TOKEN_MISSING
                    ? "invalid_request" : "invalid_token") + "\"");
        }
        byte[] body = problem(error, refusal.getMessage(), call.requestId, call.path).getBytes(StandardCharsets.UTF_8);
        call.responseBytes = body.length;
        response.setContentLength(body.length);
        finish(call);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    static String problem(GatewayError error, String detail, String requestId, String instance) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "type", "https://egov.langson.gov.vn/problems/lgsp/" + error.errorClass).append(',');
        field(json, "title", error.title).append(',');
        json.append("\"status\":").append(error.status).append(',');
        field(json, "detail", detail).append(',');
        field(json, "errorClass", error.errorClass).append(',');
        field(json, "requestId", requestId);
        if (instance != null) {
            json.append(',');
            field(json, "instance", instance);
        }
        return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    /**
     * The raw path as far as it can be logged: no control characters, at most 300 characters, personal identification
     * and phone numbers masked (a path such as {@code /api/citizens/{personalId}} carries them).
     */
    private static String loggable(String rawUri) {
        String path = rawUri.startsWith(PREFIX) ? rawUri.substring(PREFIX.length() - 1) : rawUri;
        StringBuilder clean = new StringBuilder(Math.min(path.length(), 300));
        for (int i = 0; i < path.length() && i < 300; i++) {
            char c = path.charAt(i);
            clean.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return FreeTextMasking.mask(clean.toString());
    }

    /**
     * Times the call and puts it in the message log, once, just before the answer's bytes are written: a consumer
     * that reads the log after the answer finds the call there.
     */
    private void finish(Call call) {
        if (call.finished) {
            return;
        }
        call.finished = true;
        long total = System.nanoTime() - call.start;
        String serviceName = call.serviceName == null ? "none" : call.serviceName;
        String consumerName = call.consumerName == null ? "none" : call.consumerName;
        String outcome = call.errorClass == null ? "ok" : call.errorClass.startsWith("provider.") ? "provider_error" : "gateway_error";
        if (meters != null) {
            timers.computeIfAbsent(serviceName + '\u0000' + consumerName + '\u0000' + outcome, k -> Timer.builder("lgsp.gateway.calls")
                    .description("Calls through the LGSP gateway")
                    .tag("service", serviceName).tag("consumer", consumerName).tag("outcome", outcome)
                    .register(meters)).record(total, TimeUnit.NANOSECONDS);
        }
        MessageLog messages = messageLog.get();
        if (messages == null) {
            return;
        }
        try {
            messages.record(new LoggedCall(call.requestId, call.at, "CALL",
                    call.consumerName, call.clientId, call.serviceName, call.method, call.path,
                    call.status, call.errorClass, call.requestBytes, call.responseBytes, total / 1000,
                    call.providerNanos / 1000, call.requestHash, call.responseHash,
                    call.service == null ? SecurityLevel.INTERNAL : call.service.securityLevel(),
                    call.requestBody, call.responseBody));
        } catch (RuntimeException e) {
            log.error("Gateway call {} could not be put in the message log", call.requestId, e);
        }
    }

    /** The call's client certificate chain; a terminator's header that cannot be read is the caller's fault. */
    private Object presented(HttpServletRequest request) {
        try {
            return presentedCertificate.of(request);
        } catch (PresentedCertificate.Unreadable e) {
            throw new GatewayRefusal(GatewayError.CLIENT_CERTIFICATE_MISSING, e.getMessage());
        }
    }
}
