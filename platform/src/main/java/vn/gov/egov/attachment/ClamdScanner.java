package vn.gov.egov.attachment;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * ClamAV's daemon over TCP, INSTREAM command: {@code zINSTREAM\0}, the content in chunks each preceded by its length
 * (4 bytes, big-endian), a zero-length chunk to end, then one reply: {@code stream: OK} or
 * {@code stream: <signature> FOUND}. Any other outcome is a failure: files are never let through unscanned.
 */
final class ClamdScanner {

    private static final int CHUNK = 64 * 1024;

    sealed interface Verdict permits Clean, Infected {
    }

    record Clean() implements Verdict {
    }

    record Infected(String signature) implements Verdict {
    }

    /** The scanner could not give a verdict (unreachable, timed out, error reply). */
    static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final AttachmentProperties.Clamav settings;

    ClamdScanner(AttachmentProperties.Clamav settings) {
        this.settings = settings;
    }

    Verdict scan(byte[] content) throws Unavailable {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), (int) settings.connectTimeout().toMillis());
            socket.setSoTimeout((int) settings.readTimeout().toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < content.length; offset += CHUNK) {
                int length = Math.min(CHUNK, content.length - offset);
                out.writeInt(length);
                out.write(content, offset, length);
            }
            out.writeInt(0);
            out.flush();
            return verdict(readReply(socket.getInputStream()));
        } catch (IOException e) {
            throw new Unavailable("ClamAV at %s:%d did not answer: %s".formatted(settings.host(), settings.port(), e.getMessage()), e);
        }
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        // replies end with NUL after a z-command; a closed connection ends it too
        while ((b = in.read()) != -1 && b != 0) {
            if (reply.size() > 4096) {
                throw new IOException("reply too long");
            }
            reply.write(b);
        }
        return reply.toString(StandardCharsets.UTF_8).strip();
    }

    private Verdict verdict(String reply) throws Unavailable {
        if (reply.equals("stream: OK")) {
            return new Clean();
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            return new Infected(reply.substring("stream: ".length(), reply.length() - " FOUND".length()).strip());
        }
        throw new Unavailable("ClamAV at %s:%d answered: %s".formatted(settings.host(), settings.port(), reply), null);
    }
}
