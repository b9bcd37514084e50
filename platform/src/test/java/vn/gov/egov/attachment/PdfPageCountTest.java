package vn.gov.egov.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

/** The page count read without a full parse agrees with PDFBox, and says "unknown" for whatever it does not understand. */
class PdfPageCountTest {

    @Test
    void compressedFilesWithObjectStreamsAndCrossReferenceStreams() throws IOException {
        for (int pages : new int[] {1, 3, 17}) {
            byte[] pdf = TestFiles.pdf(pages, "salt " + pages);
            assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/ObjStm");
            assertThat(PdfPageCount.of(pdf)).isEqualTo(pages).isEqualTo(pdfbox(pdf));
        }
    }

    @Test
    void classicCrossReferenceTables() throws IOException {
        byte[] pdf = save(4, CompressParameters.NO_COMPRESSION);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("\nxref").doesNotContain("/ObjStm");
        assertThat(PdfPageCount.of(pdf)).isEqualTo(4).isEqualTo(pdfbox(pdf));
    }

    @Test
    void anIncrementalUpdateIsReadThroughItsNewestSection() throws IOException {
        byte[] original = save(2, CompressParameters.NO_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(original)) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
        }
        byte[] updated = out.toByteArray(); // the original bytes, then the new objects and a section whose /Prev is the original's
        assertThat(new String(updated, StandardCharsets.ISO_8859_1)).contains("/Prev");
        assertThat(pdfbox(updated)).isEqualTo(3);
        assertThat(PdfPageCount.of(updated)).isEqualTo(3);
    }

    @Test
    void encryptedDamagedAndForeignFilesAreLeftToTheFullParse() {
        assertThat(PdfPageCount.of(TestFiles.encryptedPdf())).isEqualTo(PdfPageCount.UNKNOWN);
        byte[] pdf = TestFiles.pdf(2);
        assertThat(PdfPageCount.of(Arrays.copyOf(pdf, pdf.length / 2))).isEqualTo(PdfPageCount.UNKNOWN);
        byte[] broken = pdf.clone();
        int at = new String(broken, StandardCharsets.ISO_8859_1).lastIndexOf("startxref") + 10;
        broken[at] = 'x';
        assertThat(PdfPageCount.of(broken)).isEqualTo(PdfPageCount.UNKNOWN);
        assertThat(PdfPageCount.of("%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(PdfPageCount.UNKNOWN);
        assertThat(PdfPageCount.of(TestFiles.image("png", 10, 10))).isEqualTo(PdfPageCount.UNKNOWN);
        assertThat(PdfPageCount.of(new byte[0])).isEqualTo(PdfPageCount.UNKNOWN);
    }

    private static byte[] save(int pages, CompressParameters compression) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.save(out, compression);
            return out.toByteArray();
        }
    }

    private static int pdfbox(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
