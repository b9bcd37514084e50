package vn.gov.egov.dossier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The parts of a {@code multipart/form-data} submission, read straight from the request stream: the body is read once
 * into memory (its declared length checked against the request limit before a byte is read, the file limit checked per
 * part) and split with a Boyer–Moore–Horspool search for the boundary, instead of the servlet container's byte-by-byte
 * scan. A body of unknown length, or one the container already parsed, goes through the container's parts instead.
 */
final class MultipartBody {

    /** One part: its name, the file name it was sent with (null for a plain field), its declared type, its bytes. */
    record FormPart(String name, String fileName, String contentType, byte[] content) {
    }

    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private MultipartBody() {
    }

    /**
     * The parts by name (the first of each name wins, as the container's {@code getPart}).
     *
     * @throws MaxUploadSizeExceededException when the body or a file is over its limit (413, as from the container)
     * @throws MultipartException             when the body is not well-formed multipart
     */
    static Map<String, FormPart> read(HttpServletRequest request, long maxRequestSize, long maxFileSize)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        String boundary = boundary(request.getContentType());
        if (length < 0 || boundary == null) {
            return containerParts(request);
        }
        if (maxRequestSize >= 0 && length > maxRequestSize) {
            throw new MaxUploadSizeExceededException(maxRequestSize);
        }
        byte[] body = new byte[(int) length];
        int read = 0;
        try (InputStream in = request.getInputStream()) {
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        }
        if (read == 0 && length > 0) {
            // something read the parameters first and the container parsed the parts: use them
            return containerParts(request);
        }
        if (read < body.length) {
            throw new MultipartException("Multipart body shorter than its Content-Length (" + read + " of " + length + " bytes)");
        }
        return parse(body, boundary, maxFileSize);
    }

    static Map<String, FormPart> parse(byte[] body, String boundary, long maxFileSize) {
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int[] shift = shifts(delimiter);
        Map<String, FormPart> parts = new LinkedHashMap<>();
        // the first boundary may open the body (no CRLF before it) or follow a preamble
        int at;
        byte[] first = Arrays.copyOfRange(delimiter, 2, delimiter.length);
        if (startsWith(body, 0, first)) {
            at = first.length;
        } else {
            int found = indexOf(body, 0, body.length, delimiter, shift);
            if (found < 0) {
                throw new MultipartException("No multipart boundary in the body");
            }
            at = found + delimiter.length;
        }
        while (true) {
            if (at + 2 <= body.length && body[at] == '-' && body[at + 1] == '-') {
                return parts; // closing delimiter
            }
            // transport padding, then CRLF
            while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
                at++;
            }
            if (at + 2 > body.length || body[at] != '\r' || body[at + 1] != '\n') {
                throw new MultipartException("Malformed multipart boundary line");
            }
            at += 2;
            int headersEnd = indexOf(body, at, body.length, CRLF_CRLF, shifts(CRLF_CRLF));
            int contentStart;
            String headers;
            if (startsWith(body, at, new byte[] {'\r', '\n'})) {
                headers = "";
                contentStart = at + 2;
            } else if (headersEnd < 0) {
                throw new MultipartException("Multipart part without the end of its headers");
            } else {
                headers = new String(body, at, headersEnd - at, StandardCharsets.UTF_8);
                contentStart = headersEnd + 4;
            }
            int end = indexOf(body, contentStart, body.length, delimiter, shift);
            if (end < 0) {
                throw new MultipartException("Multipart part without its closing boundary");
            }
            FormPart part = part(headers, body, contentStart, end);
            if (part.fileName() != null && maxFileSize >= 0 && end - contentStart > maxFileSize) {
                throw new MaxUploadSizeExceededException(maxFileSize);
            }
            if (part.name() != null) {
                parts.putIfAbsent(part.name(), part);
            }
            at = end + delimiter.length;
        }
    }

    private static FormPart part(String headers, byte[] body, int from, int to) {
        String name = null;
        String fileName = null;
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (header.equals("content-disposition")) {
                Map<String, String> parameters = parameters(value);
                name = parameters.get("name");
                fileName = parameters.containsKey("filename*") ? parameters.get("filename*") : parameters.get("filename");
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        return new FormPart(name, fileName, contentType, Arrays.copyOfRange(body, from, to));
    }

    /** The parameters of a Content-Disposition value: quoted or bare; {@code filename*} decoded (RFC 5987). */
    static Map<String, String> parameters(String value) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            i++;
            while (i < value.length() && value.charAt(i) == ' ') {
                i++;
            }
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = value.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            String v;
            if (j < value.length() && value.charAt(j) == '"') {
                StringBuilder quoted = new StringBuilder();
                j++;
                while (j < value.length() && value.charAt(j) != '"') {
                    char c = value.charAt(j);
                    if (c == '\\' && j + 1 < value.length() && (value.charAt(j + 1) == '"' || value.charAt(j + 1) == '\\')) {
                        c = value.charAt(++j);
                    }
                    quoted.append(c);
                    j++;
                }
                v = quoted.toString();
                i = value.indexOf(';', j);
            } else {
                int semicolon = value.indexOf(';', j);
                v = (semicolon < 0 ? value.substring(j) : value.substring(j, semicolon)).strip();
                i = semicolon;
            }
            if (key.equals("filename*")) {
                int quote = v.indexOf('\'', v.indexOf('\'') + 1);
                if (quote >= 0) {
                    try {
                        v = URLDecoder.decode(v.substring(quote + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                }
            }
            parameters.putIfAbsent(key, v);
        }
        return parameters;
    }

    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        String boundary = parameters(contentType).get("boundary");
        return boundary == null || boundary.isEmpty() || boundary.length() > 200 ? null : boundary;
    }

    private static Map<String, FormPart> containerParts(HttpServletRequest request) throws IOException, ServletException {
        Map<String, FormPart> parts = new LinkedHashMap<>();
        try {
            for (Part part : request.getParts()) {
                try (InputStream in = part.getInputStream()) {
                    parts.putIfAbsent(part.getName(), new FormPart(part.getName(), part.getSubmittedFileName(), part.getContentType(),
                            in.readAllBytes()));
                }
            }
        } catch (IllegalStateException e) {
            // the container's size limits
            throw new MaxUploadSizeExceededException(-1, e);
        }
        return parts;
    }

    // --- Boyer–Moore–Horspool

    private static int[] shifts(byte[] pattern) {
        int[] shift = new int[256];
        Arrays.fill(shift, pattern.length);
        for (int i = 0; i < pattern.length - 1; i++) {
            shift[pattern[i] & 0xFF] = pattern.length - 1 - i;
        }
        return shift;
    }

    static int indexOf(byte[] data, int from, int to, byte[] pattern, int[] shift) {
        int m = pattern.length;
        int last = m - 1;
        int i = from;
        while (i <= to - m) {
            int j = last;
            while (data[i + j] == pattern[j]) {
                if (j == 0) {
                    return i;
                }
                j--;
            }
            i += shift[data[i + last] & 0xFF];
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
