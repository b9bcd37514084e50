package vn.gov.egov.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Every rule a file is refused by, with the checker built from its properties (no Spring context). */
class FileChecksTest {

    private final FileChecks checks = new FileChecks(AttachmentProperties.defaults());

    private static Upload upload(String name, String type, byte[] content) {
        return new Upload("Đơn đề nghị", name, type, content);
    }

    private static RejectedFile rejected(FileChecks checks, Upload upload) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> checks.check(upload));
        assertThat(thrown).isInstanceOf(RejectedFile.class);
        return (RejectedFile) thrown;
    }

    @Test
    void aPdfIsAcceptedWithItsPagesAndHash() {
        byte[] pdf = TestFiles.pdf(3);
        CheckedFile file = checks.check(upload("don-de-nghi.PDF", "application/pdf", pdf));

        assertThat(file.kind()).isEqualTo(MediaKind.PDF);
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.pages()).isEqualTo(3);
        assertThat(file.size()).isEqualTo(pdf.length);
        assertThat(file.sha256()).hasSize(64).isEqualTo(FileChecks.sha256(pdf)).matches("[0-9a-f]{64}");
        assertThat(file.fileName()).isEqualTo("don-de-nghi.PDF");
    }

    @Test
    void jpegAndPngAreAcceptedByTheirContentEvenWithoutADeclaredType() {
        CheckedFile jpeg = checks.check(upload("anh-the.jpeg", null, TestFiles.image("jpg", 30, 40)));
        CheckedFile png = checks.check(upload("so-do.png", "application/octet-stream", TestFiles.image("png", 30, 40)));

        assertThat(jpeg.kind()).isEqualTo(MediaKind.JPEG);
        assertThat(jpeg.pages()).isNull();
        assertThat(png.kind()).isEqualTo(MediaKind.PNG);
    }

    @Test
    void aPngNamedPdfIsATypeMismatch() {
        RejectedFile e = rejected(checks, upload("giay-to.pdf", "application/pdf", TestFiles.image("png", 10, 10)));

        assertThat(e.rule()).isEqualTo("type-mismatch");
        assertThat(e.field()).isEqualTo("Đơn đề nghị");
        assertThat(e.fileName()).isEqualTo("giay-to.pdf");
        assertThat(e.getMessage()).contains("\"giay-to.pdf\"", "mục \"Đơn đề nghị\"", ".pdf", "PNG");
    }

    @Test
    void aPdfDeclaredAsAnImageIsATypeMismatch() {
        RejectedFile e = rejected(checks, upload("giay-to.pdf", "image/png", TestFiles.pdf(1)));

        assertThat(e.rule()).isEqualTo("type-mismatch");
        assertThat(e.getMessage()).contains("image/png", "PDF");
    }

    @Test
    void contentThatIsNoneOfTheKindsOrAnOtherExtensionIsUnsupported() {
        assertThat(rejected(checks, upload("to-khai.pdf", "application/pdf", "<html>xin chào</html>".getBytes(StandardCharsets.UTF_8))).rule())
                .isEqualTo("unsupported-type");
        RejectedFile docx = rejected(checks, upload("to-khai.docx", null, TestFiles.pdf(1)));
        assertThat(docx.rule()).isEqualTo("unsupported-type");
        assertThat(docx.getMessage()).contains(".docx", ".pdf, .jpg, .jpeg, .png");
    }

    @Test
    void anEmptyFileIsRefused() {
        RejectedFile e = rejected(checks, upload("trong.pdf", "application/pdf", new byte[0]));

        assertThat(e.rule()).isEqualTo("empty");
        assertThat(e.getMessage()).isEqualTo("Tệp \"trong.pdf\" (mục \"Đơn đề nghị\") rỗng (0 byte); hãy chọn lại tệp.");
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() {
        FileChecks small = new FileChecks(AttachmentProperties.defaults().withMaxFileSize(DataSize.ofKilobytes(1)));
        byte[] big = TestFiles.image("png", 300, 300);
        big = big.length > 1024 ? big : Arrays.copyOf(big, 2048);

        RejectedFile e = rejected(small, upload("so-do.png", "image/png", big));

        assertThat(e.rule()).isEqualTo("too-large");
        assertThat(e.getMessage()).contains("vượt giới hạn 1 KB");
    }

    @Test
    void anImageWithTooManyPixelsIsRefused() {
        FileChecks checksWithSmallImages = new FileChecks(new AttachmentProperties(DataSize.ofMegabytes(20), 200, 100,
                AttachmentProperties.Scan.WHEN_CONFIGURED, AttachmentProperties.defaults().clamav()));

        assertThat(rejected(checksWithSmallImages, upload("anh.jpg", "image/jpeg", TestFiles.image("jpg", 20, 20))).rule())
                .isEqualTo("too-large");
        assertThat(rejected(checksWithSmallImages, upload("anh.png", "image/png", TestFiles.image("png", 20, 20))).getMessage())
                .contains("20 × 20");
    }

    @Test
    void anEncryptedPdfIsUnreadable() {
        RejectedFile e = rejected(checks, upload("khoa.pdf", "application/pdf", TestFiles.encryptedPdf()));

        assertThat(e.rule()).isEqualTo("unreadable");
        assertThat(e.getMessage()).contains("mật khẩu");
    }

    @Test
    void aBrokenPdfIsUnreadable() {
        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nrác rác rác\n%%EOF".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(TestFiles.pdf(2), 40);

        assertThat(rejected(checks, upload("hong.pdf", "application/pdf", broken)).rule()).isEqualTo("unreadable");
        assertThat(rejected(checks, upload("cut.pdf", "application/pdf", truncated)).rule()).isEqualTo("unreadable");
    }

    @Test
    void brokenImagesAreUnreadable() {
        byte[] png = TestFiles.image("png", 10, 10);
        png[20] ^= 0x55; // the width, so the header's checksum no longer matches
        byte[] jpeg = Arrays.copyOf(TestFiles.image("jpg", 10, 10), 12);

        assertThat(rejected(checks, upload("a.png", "image/png", png)).rule()).isEqualTo("unreadable");
        assertThat(rejected(checks, upload("a.jpg", "image/jpeg", jpeg)).rule()).isEqualTo("unreadable");
    }

    @Test
    void aPdfWithMorePagesThanTheLimitIsRefused() {
        FileChecks fivePages = new FileChecks(AttachmentProperties.defaults().withMaxPdfPages(5));

        assertThat(fivePages.check(upload("du.pdf", "application/pdf", TestFiles.pdf(5))).pages()).isEqualTo(5);
        RejectedFile e = rejected(fivePages, upload("thua.pdf", "application/pdf", TestFiles.pdf(6)));
        assertThat(e.rule()).isEqualTo("too-many-pages");
        assertThat(e.getMessage()).contains("6 trang", "5 trang");
    }

    @Test
    void badFileNamesAreRefused() {
        byte[] pdf = TestFiles.pdf(1);
        for (String name : new String[] {"", " ", "../../etc/passwd.pdf", "C:\\Users\\a.pdf", "a\u0000.pdf", ".pdf", "khong-duoi",
                "a".repeat(300) + ".pdf", "ten:la.pdf"}) {
            RejectedFile e = rejected(checks, upload(name, "application/pdf", pdf));
            assertThat(e.rule()).as(name).isEqualTo("bad-name");
        }
        assertThat(rejected(checks, upload(null, null, pdf)).rule()).isEqualTo("bad-name");
        assertThat(checks.check(upload("Giấy khai sinh (bản sao).pdf", "application/pdf", pdf)).kind()).isEqualTo(MediaKind.PDF);
    }

    @Test
    void whenScanningIsRequiredButNoScannerIsConfiguredEveryFileIsRefused() {
        FileChecks required = new FileChecks(AttachmentProperties.defaults().withScan(AttachmentProperties.Scan.REQUIRED));

        assertThat(rejected(required, upload("a.pdf", "application/pdf", TestFiles.pdf(1))).rule()).isEqualTo("scanner-unavailable");
    }
}
