package vn.gov.egov.attachment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every incoming file passes, cheapest first: the name, emptiness, size, what the content really is (by
 * its bytes, never by the name or the sender's word), whether it parses (PDF through PDFBox, images by their
 * headers), pages or pixels, and last the malware scan.
 */
final class FileChecks {

    private static final Logger log = LoggerFactory.getLogger(FileChecks.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final int MAX_NAME_LENGTH = 255;
    private static final String FORBIDDEN_NAME_CHARACTERS = "/\\<>:\"|?*";

    private final AttachmentProperties properties;
    private final ClamdScanner scanner;

    FileChecks(AttachmentProperties properties) {
        this.properties = properties;
        this.scanner = properties.clamav().configured() ? new ClamdScanner(properties.clamav()) : null;
    }

    CheckedFile check(Upload upload) {
        String name = upload.fileName();
        Subject subject = new Subject(upload.field(), name);
        checkName(subject, name);
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw subject.reject("empty", "rỗng (0 byte); hãy chọn lại tệp");
        }
        long limit = properties.maxFileSize().toBytes();
        if (content.length > limit) {
            throw subject.reject("too-large", "có dung lượng %s, vượt giới hạn %s".formatted(size(content.length), size(limit)));
        }
        MediaKind kind = recognise(content);
        String extension = extension(name);
        if (kind == null) {
            throw subject.reject("unsupported-type", "không phải tệp PDF, JPEG hay PNG (nội dung tệp không đúng các định dạng được nhận)");
        }
        if (!(extension.equals("pdf") || extension.equals("jpg") || extension.equals("jpeg") || extension.equals("png"))) {
            throw subject.reject("unsupported-type", "có phần mở rộng \".%s\"; chỉ nhận tệp .pdf, .jpg, .jpeg, .png".formatted(extension));
        }
        if (!kind.hasExtension(extension)) {
            throw subject.reject("type-mismatch", "có tên là tệp .%s nhưng nội dung là %s".formatted(extension, kind.name()));
        }
        String declared = declared(upload.declaredMediaType());
        if (declared != null && !declared.equals(kind.mediaType()) && !declared.equals("application/octet-stream")) {
            throw subject.reject("type-mismatch", "được gửi với kiểu %s nhưng nội dung là %s".formatted(declared, kind.name()));
        }
        Integer pages = switch (kind) {
            case PDF -> pdfPages(subject, content);
            case JPEG -> {
                pixels(subject, jpegSize(subject, content));
                yield null;
            }
            case PNG -> {
                pixels(subject, pngSize(subject, content));
                yield null;
            }
        };
        scan(subject, content);
        return new CheckedFile(sha256(content), kind, kind.mediaType(), content.length, pages, name, content);
    }

    // --- name

    private static void checkName(Subject subject, String name) {
        if (name == null || name.isBlank()) {
            throw subject.reject("bad-name", "không có tên tệp");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw subject.reject("bad-name", "có tên dài %d ký tự, quá %d ký tự".formatted(name.length(), MAX_NAME_LENGTH));
        }
        if (name.startsWith(".") || name.endsWith(".") || name.endsWith(" ") || name.contains("..")) {
            throw subject.reject("bad-name", "có tên không hợp lệ (không được bắt đầu hay kết thúc bằng dấu chấm, không chứa \"..\")");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || FORBIDDEN_NAME_CHARACTERS.indexOf(c) >= 0) {
                throw subject.reject("bad-name", "có tên chứa ký tự không được phép (ký tự điều khiển hoặc / \\ < > : \" | ? *)");
            }
        }
        if (name.lastIndexOf('.') < 1) {
            throw subject.reject("bad-name", "không có phần mở rộng (.pdf, .jpg, .jpeg, .png)");
        }
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static String declared(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return null;
        }
        String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("image/jpg") || type.equals("image/pjpeg") ? "image/jpeg" : type;
    }

    // --- content

    static MediaKind recognise(byte[] c) {
        if (startsWith(c, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return MediaKind.PDF;
        }
        if (c.length >= 3 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8 && (c[2] & 0xFF) == 0xFF) {
            return MediaKind.JPEG;
        }
        if (startsWith(c, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return MediaKind.PNG;
        }
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private int pdfPages(Subject subject, byte[] content) {
        // a well-formed file: the page tree root's /Count, read without a full parse; anything else goes to PDFBox
        int counted = PdfPageCount.of(content);
        if (counted > 0) {
            if (counted > properties.maxPdfPages()) {
                throw subject.reject("too-many-pages", "có %d trang, vượt giới hạn %d trang".formatted(counted, properties.maxPdfPages()));
            }
            return counted;
        }
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted()) {
                throw subject.reject("unreadable", "là PDF có mật khẩu hoặc bị mã hóa; hãy gửi bản không khóa");
            }
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw subject.reject("unreadable", "là PDF hỏng hoặc không có trang nào");
            }
            if (pages > properties.maxPdfPages()) {
                throw subject.reject("too-many-pages", "có %d trang, vượt giới hạn %d trang".formatted(pages, properties.maxPdfPages()));
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw subject.reject("unreadable", "là PDF có mật khẩu hoặc bị mã hóa; hãy gửi bản không khóa");
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedFile rejected) {
                throw rejected;
            }
            throw subject.reject("unreadable", "là PDF hỏng, không đọc được");
        }
    }

    private void pixels(Subject subject, long[] size) {
        long pixels = size[0] * size[1];
        if (pixels > properties.maxImagePixels()) {
            throw subject.reject("too-large", String.format(VIETNAMESE, "là ảnh %d × %d điểm ảnh, vượt giới hạn %,d điểm ảnh",
                    size[0], size[1], properties.maxImagePixels()));
        }
    }

    /** Width and height from the first start-of-frame marker; a JPEG without one is not a picture. */
    private static long[] jpegSize(Subject subject, byte[] c) {
        int i = 2;
        while (i + 4 <= c.length) {
            if ((c[i] & 0xFF) != 0xFF) {
                break;
            }
            int marker = c[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                break; // end of image or start of scan before any frame header
            }
            int length = ((c[i + 2] & 0xFF) << 8) | (c[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > c.length) {
                break;
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame && length >= 7) {
                long height = ((c[i + 5] & 0xFF) << 8) | (c[i + 6] & 0xFF);
                long width = ((c[i + 7] & 0xFF) << 8) | (c[i + 8] & 0xFF);
                if (width > 0 && height > 0) {
                    return new long[] {width, height};
                }
                break;
            }
            i += 2 + length;
        }
        throw subject.reject("unreadable", "là ảnh JPEG hỏng, không đọc được kích thước ảnh");
    }

    /** The IHDR chunk right after the signature, with its CRC: width and height, both above zero. */
    private static long[] pngSize(Subject subject, byte[] c) {
        if (c.length >= 33) {
            ByteBuffer buffer = ByteBuffer.wrap(c);
            int length = buffer.getInt(8);
            String type = new String(c, 12, 4, StandardCharsets.US_ASCII);
            if (length == 13 && type.equals("IHDR")) {
                CRC32 crc = new CRC32();
                crc.update(c, 12, 17);
                long width = buffer.getInt(16) & 0xFFFFFFFFL;
                long height = buffer.getInt(20) & 0xFFFFFFFFL;
                if ((buffer.getInt(29) & 0xFFFFFFFFL) == crc.getValue() && width > 0 && height > 0) {
                    return new long[] {width, height};
                }
            }
        }
        throw subject.reject("unreadable", "là ảnh PNG hỏng, không đọc được kích thước ảnh");
    }

    // --- malware

    private void scan(Subject subject, byte[] content) {
        if (scanner == null) {
            if (properties.scan() == AttachmentProperties.Scan.REQUIRED) {
                throw subject.reject("scanner-unavailable", "chưa được kiểm tra mã độc: hệ thống quét mã độc chưa được cấu hình; hãy gửi lại sau");
            }
            return;
        }
        ClamdScanner.Verdict verdict;
        try {
            verdict = scanner.scan(content);
        } catch (ClamdScanner.Unavailable e) {
            log.error("Malware scanner unavailable, file refused: {}", e.getMessage());
            throw subject.reject("scanner-unavailable", "chưa được kiểm tra mã độc vì hệ thống quét mã độc đang không hoạt động; hãy gửi lại sau");
        }
        if (verdict instanceof ClamdScanner.Infected infected) {
            log.warn("Malware {} found in an upload for field {}; refused", infected.signature(), subject.field());
            throw subject.reject("infected", "chứa mã độc (%s) và đã bị từ chối".formatted(infected.signature()));
        }
    }

    // --- helpers

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return "%.1f MB".formatted(bytes / 1024.0 / 1024.0).replace('.', ',');
        }
        if (bytes >= 1024) {
            return "%d KB".formatted(Math.round(bytes / 1024.0));
        }
        return bytes + " byte";
    }

    /** Names the file and its field in every message: 'Tệp "x.pdf" (mục "Đơn đề nghị") …'. */
    private record Subject(String field, String fileName) {
        RejectedFile reject(String rule, String problem) {
            String file = fileName == null || fileName.isBlank() ? "Tệp" : "Tệp \"%s\"".formatted(printable(fileName));
            String where = field == null || field.isBlank() ? "" : " (mục \"%s\")".formatted(field);
            return new RejectedFile(field, fileName, rule, file + where + " " + problem + ".");
        }

        private static String printable(String name) {
            String shown = name.codePoints().filter(cp -> !Character.isISOControl(cp))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return shown.length() > 80 ? shown.substring(0, 77) + "…" : shown;
        }
    }
}
