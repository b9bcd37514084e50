package vn.gov.egov.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection written and read by hand: the cheapest client for a load driver that shares the
 * platform's two cores (a {@code java.net.http.HttpClient} costs several times the CPU per request, in its selector
 * thread and its publishers). Not thread-safe: one per driver thread. It reconnects after an I/O error or when the
 * server ends the connection ({@code Connection: close}, e.g. Tomcat after 100 requests on one connection).
 */
final class RawHttp implements Closeable {

    /** A response: the status and, when asked for, the body (else empty). */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final URI server;
    private final int readTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(URI server) {
        this(server, 60_000);
    }

    /** @param readTimeoutMillis how long an answer may take before the exchange fails */
    RawHttp(URI server, int readTimeoutMillis) {
        this.server = server;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /**
     * The request line and headers of a request to {@code target} (its path and query), with {@code Host}, the given
     * header lines ({@code "Name: value"}) and, for a body, its {@code Content-Length}; ends with the empty line.
     */
    static byte[] head(String method, URI target, long contentLength, String... headers) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target.getRawPath());
        if (target.getRawQuery() != null) {
            head.append('?').append(target.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(target.getRawAuthority()).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Sends the head and the body (nullable) and reads the answer; {@code keepBody} false skips its body. On an I/O
     * error the connection is closed (the next call opens a new one) and the error is thrown.
     */
    Response exchange(byte[] head, byte[] body, boolean keepBody) throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            out.write(head);
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(keepBody);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5000);
            s.setSoTimeout(readTimeoutMillis);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16384);
        out = s.getOutputStream();
    }

    private Response read(boolean keepBody) throws IOException {
        StringBuilder line = new StringBuilder(128);
        int status = -1;
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        while (readLine(line)) {
            if (status < 0) {
                if (line.length() < 12 || !line.substring(0, 5).equals("HTTP/")) {
                    throw new IOException("not an HTTP status line: " + line);
                }
                status = Integer.parseInt(line.substring(9, 12));
                continue;
            }
            String header = line.toString();
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip();
            String value = header.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        if (status < 0) {
            throw new IOException("an empty line instead of the status line");
        }
        ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream() : null;
        if (chunked) {
            long size;
            while ((size = chunkSize(line)) > 0) {
                body(size, kept);
                if (readLine(line)) {
                    throw new IOException("malformed chunk end");
                }
            }
            while (readLine(line)) {
                // trailers: none expected, skipped
            }
        } else if (length >= 0) {
            body(length, kept);
        } else if (status >= 200 && status != 204 && status != 304) {
            throw new IOException("an answer without Content-Length or chunks: this driver does not read to the end of the connection");
        }
        if (close) {
            close();
        }
        return new Response(status, kept == null ? new byte[0] : kept.toByteArray());
    }

    private long chunkSize(StringBuilder line) throws IOException {
        if (!readLine(line)) {
            throw new IOException("a chunked body without its chunk size");
        }
        int end = line.indexOf(";");
        return Long.parseLong((end < 0 ? line.toString() : line.substring(0, end)).strip(), 16);
    }

    private void body(long length, ByteArrayOutputStream kept) throws IOException {
        byte[] buffer = kept == null ? null : new byte[(int) Math.min(length, 8192)];
        for (long left = length; left > 0; ) {
            long n;
            if (kept == null) {
                n = in.skip(left);
                if (n <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in the body");
                    }
                    n = 1;
                }
            } else {
                n = in.read(buffer, 0, (int) Math.min(left, buffer.length));
                if (n < 0) {
                    throw new IOException("connection closed in the body");
                }
                kept.write(buffer, 0, (int) n);
            }
            left -= n;
        }
    }

    /** One line without its CR LF into {@code line}; false when it is empty (the end of the headers). */
    private boolean readLine(StringBuilder line) throws IOException {
        line.setLength(0);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.length() > 0;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
