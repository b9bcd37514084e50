package vn.gov.egov.lgsp.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Sends one call to a provider; refuses with {@code provider.timeout} / {@code provider.unreachable} when it fails. */
interface ProviderClient extends AutoCloseable {

    /** A provider's answer, its body read whole (at most the configured size). */
    record Answer(int status, List<String[]> headers, byte[] body) {
    }

    Answer call(String method, URI target, List<String[]> headers, byte[] body, Duration timeout);

    @Override
    default void close() {
    }

    /** Reads at most {@code max} bytes, else {@code provider.error} (an answer too large to pass on). */
    static byte[] readLimited(java.io.InputStream in, long max) throws java.io.IOException {
        if (in == null) {
            return new byte[0];
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(2048);
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw new GatewayRefusal(GatewayError.PROVIDER_ERROR,
                        "Câu trả lời của bên cung cấp lớn hơn " + max + " byte, giới hạn của LGSP");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
