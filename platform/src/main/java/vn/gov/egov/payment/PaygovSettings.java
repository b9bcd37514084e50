package vn.gov.egov.payment;

import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The PayGov merchant account: address, merchant code and HMAC secret key ({@code egov.national.paygov.*}). The code
 * and key come only from the environment; the demo and test profiles use the simulator's. Without them online
 * payment is unavailable (payment requests are still made and shown) and every notification is refused.
 */
@Component
class PaygovSettings {

    private final String baseUrl;
    private final String merchantCode;
    private final String secretKey;
    private final String callbackBaseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    PaygovSettings(@Value("${egov.national.paygov.base-url:http://localhost:8090/paygov}") String baseUrl,
                   @Value("${egov.national.paygov.merchant-code:}") String merchantCode,
                   @Value("${egov.national.paygov.secret-key:}") String secretKey,
                   @Value("${egov.national.paygov.callback-base-url:}") String callbackBaseUrl,
                   @Value("${egov.national.paygov.connect-timeout:5s}") Duration connectTimeout,
                   @Value("${egov.national.paygov.read-timeout:15s}") Duration readTimeout) {
        this.baseUrl = trimSlash(baseUrl);
        this.merchantCode = merchantCode == null ? "" : merchantCode.strip();
        this.secretKey = secretKey == null ? "" : secretKey.strip();
        this.callbackBaseUrl = trimSlash(callbackBaseUrl);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        if (!configured()) {
            LoggerFactory.getLogger(PaygovSettings.class).warn("PayGov is not configured (egov.national.paygov.merchant-code, "
                    + "secret-key / EGOV_PAYGOV_MERCHANT_CODE, EGOV_PAYGOV_SECRET_KEY): online payment is unavailable");
        }
    }

    boolean configured() {
        return !merchantCode.isEmpty() && !secretKey.isEmpty() && !baseUrl.isEmpty();
    }

    String baseUrl() {
        return baseUrl;
    }

    String merchantCode() {
        return merchantCode;
    }

    String secretKey() {
        return secretKey;
    }

    /** The platform's address PayGov sends the browser back to and notifies; empty: the address of the request. */
    String callbackBaseUrl() {
        return callbackBaseUrl;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    private static String trimSlash(String url) {
        String value = url == null ? "" : url.strip();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
