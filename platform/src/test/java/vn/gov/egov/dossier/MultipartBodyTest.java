package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** The submission's own multipart reader: the parts as sent, byte for byte, and the limits and malformed bodies refused. */
class MultipartBodyTest {

    private static final String BOUNDARY = "----egov-7d3f0c2a";

    @Test
    void partsComeOutByteForByteWithTheirNamesFileNamesAndTypes() {
        byte[] file = new byte[300_000];
        new Random(7).nextBytes(file);
        // a file that contains the boundary without the CRLF before it, and a CR LF at its end
        byte[] tricky = ("--" + BOUNDARY + " inside\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = body(part("submission", null, "application/json", "{\"a\":\"Hồ sơ\"}".getBytes(StandardCharsets.UTF_8)),
                part("file0", "căn cước.pdf", "application/pdf", file), part("file1", "b.pdf", null, tricky));

        Map<String, MultipartBody.FormPart> parts = MultipartBody.parse(body, BOUNDARY, 1_000_000);

        assertThat(parts).containsOnlyKeys("submission", "file0", "file1");
        assertThat(new String(parts.get("submission").content(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"Hồ sơ\"}");
        assertThat(parts.get("submission").fileName()).isNull();
        assertThat(parts.get("file0").content()).isEqualTo(file);
        assertThat(parts.get("file0").fileName()).isEqualTo("căn cước.pdf");
        assertThat(parts.get("file0").contentType()).isEqualTo("application/pdf");
        assertThat(parts.get("file1").content()).isEqualTo(tricky);
        assertThat(parts.get("file1").contentType()).isNull();
    }

    @Test
    void aPreambleQuotedBoundaryAndEncodedFileNameAreUnderstood() {
        String contentType = "multipart/form-data; charset=UTF-8; boundary=\"" + BOUNDARY + "\"";
        assertThat(MultipartBody.boundary(contentType)).isEqualTo(BOUNDARY);
        assertThat(MultipartBody.boundary("application/json")).isNull();
        byte[] body = concat("preamble\r\n".getBytes(StandardCharsets.US_ASCII), ("--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.pdf\"; filename*=UTF-8''gi%E1%BA%A5y.pdf\r\n\r\nabc\r\n--"
                + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        MultipartBody.FormPart part = MultipartBody.parse(body, BOUNDARY, 100).get("f");

        assertThat(part.fileName()).isEqualTo("giấy.pdf");
        assertThat(part.content()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aFileOverTheLimitAndMalformedBodiesAreRefused() {
        byte[] body = body(part("file0", "a.pdf", "application/pdf", new byte[101]));
        assertThatThrownBy(() -> MultipartBody.parse(body, BOUNDARY, 100)).isInstanceOf(MaxUploadSizeExceededException.class);
        assertThatThrownBy(() -> MultipartBody.parse(body, "another-boundary", 1000)).isInstanceOf(MultipartException.class);
        byte[] unterminated = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> MultipartBody.parse(unterminated, BOUNDARY, 1000)).isInstanceOf(MultipartException.class);
    }

    private static byte[] part(String name, String fileName, String type, byte[] content) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n" + (type == null ? "" : "Content-Type: " + type + "\r\n")
                + "\r\n";
        return concat(head.getBytes(StandardCharsets.UTF_8), content, "\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] body(byte[]... parts) {
        return concat(concat(parts), ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[]... arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] a : arrays) {
            out.writeBytes(a);
        }
        return out.toByteArray();
    }
}
