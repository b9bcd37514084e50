package vn.gov.egov.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A pool of real one-page PDFs (PDFBox) of about the asked size, each with an uncompressed stream of random bytes,
 * generated before a run. Every request still sends different files: {@link #patchBase64} overwrites 18 bytes inside
 * the random stream with a unique value (directly in the base64 text, on a 3-byte boundary), which keeps the PDF
 * valid (same length, same offsets) and changes its SHA-256, at the cost of a copy and not of a PDF generation.
 */
final class PdfPool {

    static final int NONCE_BYTES = 18;

    /** One PDF: its bytes, its base64, and where the patchable 18 bytes are. */
    record Template(byte[] pdf, byte[] base64, int byteOffset, int base64Offset) {
    }

    private final Template[] templates;

    PdfPool(int count, int size) {
        templates = new Template[count];
        for (int i = 0; i < count; i++) {
            templates[i] = template("Ho so thu nghiem hieu nang (benchmark) " + i, size, 7919L * (i + 1));
        }
    }

    Template get(int i) {
        return templates[Math.floorMod(i, templates.length)];
    }

    int size() {
        return templates.length;
    }

    /** Writes the base64 of {@code nonce} (18 bytes) at the template's patch position of {@code base64} copied at {@code at}. */
    static void patchBase64(byte[] target, int at, Template t, byte[] nonce) {
        byte[] encoded = Base64.getEncoder().encode(nonce);
        System.arraycopy(encoded, 0, target, at + t.base64Offset(), encoded.length);
    }

    /** The PDF bytes with {@code nonce} written at the patch position (for the JDBC baseline). */
    static byte[] patchedPdf(Template t, byte[] nonce) {
        byte[] pdf = t.pdf().clone();
        System.arraycopy(nonce, 0, pdf, t.byteOffset(), nonce.length);
        return pdf;
    }

    private static Template template(String text, int size, long seed) {
        byte[] padding = new byte[Math.max(4096, size - 1500)];
        new Random(seed).nextBytes(padding);
        byte[] pdf;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            PDStream stream = new PDStream(document, new ByteArrayInputStream(padding));
            page.getCOSObject().setItem("PieceInfo", stream.getCOSObject());
            document.save(out);
            pdf = out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int start = indexOf(pdf, Arrays.copyOf(padding, 64));
        if (start < 0) {
            throw new IllegalStateException("the random stream is not stored as is in the PDF");
        }
        // a 3-byte boundary well inside the random stream, so that only 24 base64 characters change
        int offset = ((start + 1024) / 3) * 3;
        return new Template(pdf, Base64.getEncoder().encode(pdf), offset, offset / 3 * 4);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
