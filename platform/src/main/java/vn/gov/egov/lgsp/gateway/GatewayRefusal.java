package vn.gov.egov.lgsp.gateway;

/** A call the gateway refuses or cannot complete; no stack trace (refusals are ordinary answers). */
final class GatewayRefusal extends RuntimeException {

    final GatewayError error;
    final long retryAfterSeconds;

    GatewayRefusal(GatewayError error, String detail) {
        this(error, detail, 0);
    }

    GatewayRefusal(GatewayError error, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
