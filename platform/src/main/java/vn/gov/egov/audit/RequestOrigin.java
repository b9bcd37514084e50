package vn.gov.egov.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a request came from. The IP is the servlet container's remote address: behind a proxy or load balancer set
 * {@code server.forward-headers-strategy} so that it is the client's, never a header the client could forge.
 */
record RequestOrigin(String sourceIp, String userAgent, String requestId) {

    /** The request id the observability module puts in the request and the log context. */
    private static final String REQUEST_ID = "requestId";

    static RequestOrigin current() {
        HttpServletRequest request = currentRequest();
        return request == null ? null : of(request);
    }

    /** The HTTP request this thread is serving, or null. */
    static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    static RequestOrigin of(HttpServletRequest request) {
        Object requestId = request.getAttribute(REQUEST_ID);
        return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"),
                requestId != null ? requestId.toString() : MDC.get(REQUEST_ID));
    }
}
