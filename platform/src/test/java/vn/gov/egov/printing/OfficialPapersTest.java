package vn.gov.egov.printing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class OfficialPapersTest {

    private final OfficialPapers papers = new PdfOfficialPapers();

    static Paper receipt() {
        return new Paper("UBND TỈNH LẠNG SƠN", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Số: 000.00.10.H20-261127-0001",
                Paper.placeAndDate("Lạng Sơn", LocalDate.of(2026, 11, 27)), "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
                null,
                List.of(new Block.Paragraph("Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn tiếp nhận hồ sơ của:"),
                        new Block.Field("Ông/Bà", "Nguyễn Thị Hường"),
                        new Block.Field("Địa chỉ", "Số 18 đường Lê Lợi, phường Đông Kinh, tỉnh Lạng Sơn"),
                        new Block.Field("Nội dung yêu cầu giải quyết", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
                        new Block.Heading("Thành phần hồ sơ"),
                        new Block.Items(List.of("Đơn đề nghị cấp giấy phép xây dựng (bản chính)",
                                "Bản sao giấy chứng nhận quyền sử dụng đất",
                                "Hai bộ bản vẽ thiết kế xây dựng")),
                        new Block.Field("Thời gian nhận hồ sơ", "09 giờ 30 phút, ngày 27/11/2026"),
                        new Block.Field("Thời gian trả kết quả", "16 giờ 00 phút, ngày 11/12/2026")),
                new QrCode("https://dichvucong.langson.gov.vn/tra-cuu/000.00.10.H20-261127-0001", "Quét mã để tra cứu hồ sơ"),
                List.of(new Signature("Người nộp hồ sơ", "Nguyễn Thị Hường", "(Ký, ghi rõ họ tên)"),
                        new Signature("Người tiếp nhận", "Hoàng Văn Thụ", "(Ký, ghi rõ họ tên)")));
    }

    @Test
    void aReceiptIsOneA4PageWhoseVietnameseTextReadsBack() throws IOException {
        byte[] pdf = papers.render(receipt());

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND TỈNH LẠNG SƠN", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Số: 000.00.10.H20-261127-0001",
                    "Lạng Sơn, ngày 27 tháng 11 năm 2026", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                    "Ông/Bà: Nguyễn Thị Hường", "Thành phần hồ sơ", "1.", "Đơn đề nghị cấp giấy phép xây dựng (bản chính)",
                    "3.", "Hai bộ bản vẽ thiết kế xây dựng", "NGƯỜI TIẾP NHẬN", "Hoàng Văn Thụ", "(Ký, ghi rõ họ tên)",
                    "Quét mã để tra cứu hồ sơ");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
            assertThat(document.getDocumentCatalog().getMetadata()).isNotNull();
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).as("a subset, not the whole font").matches("[A-Z]{6}\\+DejaVuSans.*");
            }
        }
    }

    @Test
    void decomposedDiacriticsAndStrayControlCharactersStillPrint() throws IOException {
        String decomposed = java.text.Normalizer.normalize("Nguyễn Văn Đức", java.text.Normalizer.Form.NFD);
        Paper paper = new Paper("UBND XÃ", null, null, null, "Thông báo", "Về việc\tkiểm tra",
                List.of(new Block.Field("Họ và tên", decomposed + "\u0007"), new Block.Paragraph("Biểu tượng 🚀 không có")),
                null, List.of());

        try (PDDocument document = Loader.loadPDF(papers.render(paper))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Họ và tên: Nguyễn Văn Đức", "Về việc kiểm tra", "Biểu tượng ? không có");
        }
    }

    @Test
    void aVietnamesePaperLooksTheSameWithTheCutDownFontsAsWithTheWholeOnes() throws IOException {
        PdfOfficialPapers renderer = new PdfOfficialPapers();
        Paper paper = receipt();
        try (PDDocument cut = Loader.loadPDF(renderer.render(paper, true));
             PDDocument whole = Loader.loadPDF(renderer.render(paper, false))) {
            assertThat(new PDFTextStripper().getText(cut)).isEqualTo(new PDFTextStripper().getText(whole));
            BufferedImage a = new PDFRenderer(cut).renderImageWithDPI(0, 100);
            BufferedImage b = new PDFRenderer(whole).renderImageWithDPI(0, 100);
            int differing = 0;
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    differing += a.getRGB(x, y) == b.getRGB(x, y) ? 0 : 1;
                }
            }
            assertThat(differing).as("pixels that differ between the two cuts").isZero();
            for (var name : cut.getPage(0).getResources().getFontNames()) {
                PDFont font = cut.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans.*");
            }
        }
    }

    @Test
    void lettersBeyondVietnamesePrintWithTheWholeFonts() throws IOException {
        Paper paper = new Paper("UBND TỈNH LẠNG SƠN", null, null, null, "Giấy xác nhận Αθήνα", null,
                List.of(new Block.Field("Họ và tên", "Αλέξανδρος Иванов"), new Block.Paragraph("Quốc tịch: Hy Lạp, Nga ₫ №")),
                null, List.of());

        try (PDDocument document = Loader.loadPDF(papers.render(paper))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("GIẤY XÁC NHẬN ΑΘΉΝΑ", "Họ và tên: Αλέξανδρος Иванов", "Quốc tịch: Hy Lạp, Nga ₫ №");
            for (var name : document.getPage(0).getResources().getFontNames()) {
                assertThat(document.getPage(0).getResources().getFont(name).getName()).matches("[A-Z]{6}\\+DejaVuSans.*");
            }
        }
    }

    @Test
    void aCapitalTheCutDownFontsLackIsPrintedWithTheWholeFonts() throws IOException {
        // "ŉ" is in the cut, its capital "ʼN" (U+02BC) is not: the title, printed in capitals, needs the whole fonts
        Paper paper = new Paper("UBND XÃ", null, null, null, "Tên ŉ", null, List.of(new Block.Paragraph("Tên ŉ")), null, List.of());

        try (PDDocument document = Loader.loadPDF(papers.render(paper))) {
            assertThat(new PDFTextStripper().getText(document)).contains("TÊN \u02BCN", "Tên ŉ");
        }
    }

    @Test
    void widthsMeasuredOnceAreThoseOfPdfBox() throws IOException {
        PaperFonts fonts = new PaperFonts();
        for (boolean common : List.of(true, false)) {
            try (PDDocument document = new PDDocument()) {
                PaperFonts.Loaded loaded = fonts.load(document, common);
                for (String text : List.of("Nguyễn Thị Thùy Dương", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 125/QĐ-STP, ₫ 1.000", "")) {
                    for (PDFont font : List.of(loaded.regular(), loaded.bold())) {
                        assertThat(loaded.width(text, font)).as(text).isEqualTo(font.getStringWidth(text));
                        assertThat(loaded.width(text, font)).as(text + ", measured again").isEqualTo(font.getStringWidth(text));
                    }
                }
            }
        }
    }

    @Test
    void aTableOf200RowsFlowsOverSeveralPagesRepeatingItsHeader() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rows.add(List.of(String.valueOf(i), "000.00.10.H20-261127-" + "%04d".formatted(i),
                    "Đăng ký khai sinh cho trẻ em sinh ra tại xã Chi Lăng, tỉnh Lạng Sơn", "Đúng hạn"));
        }
        Paper paper = new Paper("UBND TỈNH LẠNG SƠN", "VĂN PHÒNG", "Số: 12/BC-VP", null, "Báo cáo", "Danh sách hồ sơ",
                List.of(new Block.Table(List.of("STT", "Mã hồ sơ", "Thủ tục", "Kết quả"), rows)), null,
                List.of(new Signature("Chánh văn phòng", "Lý Thị Mai", null)));

        try (PDDocument document = Loader.loadPDF(papers.render(paper))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(3);
            PDFTextStripper stripper = new PDFTextStripper();
            String all = stripper.getText(document);
            assertThat(all).contains("000.00.10.H20-261127-0001", "000.00.10.H20-261127-0200", "Lý Thị Mai", "CHÁNH VĂN PHÒNG");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(document);
            assertThat(second).contains("Mã hồ sơ", "Kết quả", "261127-0020");
            assertThat(second.strip()).as("the page number, added last").endsWith("\n2");
            for (int i = 1; i <= 200; i++) {
                assertThat(all).contains("261127-%04d".formatted(i));
            }
        }
    }

    @Test
    void aDigitallySignedBlockHoldsAnEmptySignatureFieldOnTheLastPageBetweenTitleAndName() throws IOException {
        String longText = "Lạng Sơn ".repeat(700);
        Paper paper = new Paper("", "ỦY BAN NHÂN DÂN\nXÃ ĐOÀN KẾT", "Số: 15/QĐ-UBND", Paper.placeAndDate("Đoàn Kết", LocalDate.of(2026, 11, 27)),
                "Quyết định", null, List.of(new Block.Paragraph(longText)), new QrCode("https://example.test/verify/1", "Quét để kiểm tra"),
                List.of(Signature.signedDigitally("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Lý Văn Hùng")));

        try (PDDocument document = Loader.loadPDF(papers.render(paper))) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            var form = document.getDocumentCatalog().getAcroForm();
            assertThat(form.getFields()).singleElement().satisfies(field -> {
                assertThat(field).isInstanceOf(org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField.class);
                assertThat(field.getPartialName()).isEqualTo(Signature.DIGITAL_SIGNATURE_FIELD);
                assertThat(((org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField) field).getSignature()).isNull();
            });
            var widget = form.getFields().get(0).getWidgets().get(0);
            PDPage last = document.getPage(document.getNumberOfPages() - 1);
            assertThat(last.getAnnotations()).contains(widget);
            assertThat(document.getPage(0).getAnnotations()).isEmpty();
            PDRectangle box = widget.getRectangle();
            // right of the QR code's slot, inside the margins, between the "(Đã ký số)" note and the signer's name
            assertThat(box.getLowerLeftX()).isGreaterThan(PaperLayout.LEFT + 40 * PaperLayout.MM - 1);
            assertThat(box.getUpperRightX()).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - PaperLayout.RIGHT);
            BoundsByText bounds = new BoundsByText();
            bounds.setStartPage(document.getNumberOfPages());
            bounds.getText(document);
            float pageHeight = PDRectangle.A4.getHeight();
            assertThat(pageHeight - bounds.bottomOf("(Đã ký số)")).isGreaterThanOrEqualTo(box.getUpperRightY() - 1);
            assertThat(pageHeight - bounds.topOf("Lý Văn Hùng")).isLessThanOrEqualTo(box.getLowerLeftY() + 1);
            // the two-line header of a people's committee, both lines
            String first = new PDFTextStripper().getText(document);
            assertThat(first).contains("ỦY BAN NHÂN DÂN\nXÃ ĐOÀN KẾT").contains("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
        }
        // a paper signed by hand has no form
        try (PDDocument document = Loader.loadPDF(papers.render(receipt()))) {
            assertThat(document.getDocumentCatalog().getAcroForm()).isNull();
        }
    }

    /** Where lines of text are on the page, by their text: top and bottom from the top of the page. */
    static final class BoundsByText extends PDFTextStripper {
        private final Map<String, float[]> lines = new java.util.HashMap<>();

        @Override
        protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
            float top = Float.MAX_VALUE;
            float bottom = 0;
            for (org.apache.pdfbox.text.TextPosition p : positions) {
                top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
                bottom = Math.max(bottom, p.getYDirAdj());
            }
            lines.put(text.strip(), new float[] {top, bottom});
        }

        float topOf(String text) {
            return lines.get(text)[0];
        }

        float bottomOf(String text) {
            return lines.get(text)[1];
        }
    }

    @Test
    void longTextWrapsInsideTheMarginsAndAHugeCellContinuesOnTheNextPage() throws IOException {
        String word = "Lạng Sơn ";
        String longText = word.repeat(400) + "HẾT" + "x".repeat(300);
        Paper paper = new Paper("UBND TỈNH LẠNG SƠN", null, null, null, "Thông báo", null,
                List.of(new Block.Paragraph(longText), new Block.Table(List.of("A", "B"), List.of(List.of("ô", longText)))),
                null, List.of());

        try (PDDocument document = Loader.loadPDF(papers.render(paper))) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            BoundsStripper bounds = new BoundsStripper();
            bounds.getText(document);
            float leftMargin = PaperLayout.LEFT - 1;
            float rightEdge = PDRectangle.A4.getWidth() - PaperLayout.RIGHT + 1;
            assertThat(bounds.minX).isGreaterThanOrEqualTo(leftMargin);
            assertThat(bounds.maxX).isLessThanOrEqualTo(rightEdge);
            assertThat(bounds.maxYFromTop).isLessThanOrEqualTo(PDRectangle.A4.getHeight() - PaperLayout.BOTTOM + 1);
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", "")).contains("HẾT" + "x".repeat(300));
        }
    }

    @Test
    void theQrCodeDecodesBackFromTheRenderedPage() throws Exception {
        byte[] pdf = papers.render(receipt());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 200);
            assertThat(decode(image)).isEqualTo("https://dichvucong.langson.gov.vn/tra-cuu/000.00.10.H20-261127-0001");
        }
    }

    @Test
    void aQrPngDecodesBackEvenWithVietnameseText() throws Exception {
        String content = "Hồ sơ 000.00.10.H20-261127-0001 — đã tiếp nhận";
        byte[] png = new PngQrCodes().qrPng(content, 240);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isBetween(200, 280);
        assertThat(decode(image)).isEqualTo(content);
    }

    @Test
    void placeAndDateFollowsTheDecreeLeadingZeros() {
        assertThat(Paper.placeAndDate("Lạng Sơn", LocalDate.of(2026, 11, 27))).isEqualTo("Lạng Sơn, ngày 27 tháng 11 năm 2026");
        assertThat(Paper.placeAndDate("Lạng Sơn", LocalDate.of(2027, 2, 5))).isEqualTo("Lạng Sơn, ngày 05 tháng 02 năm 2027");
        assertThat(Paper.placeAndDate("Đồng Đăng", LocalDate.of(2026, 3, 9))).isEqualTo("Đồng Đăng, ngày 09 tháng 3 năm 2026");
    }

    @Test
    void renderingAOnePageReceipt() {
        Paper receipt = receipt();
        for (int i = 0; i < 30; i++) {
            papers.render(receipt);
        }
        int runs = 100;
        long start = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            bytes = papers.render(receipt).length;
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("printing: one-page receipt rendered in %.2f ms on average over %d runs (%d bytes)%n", ms, runs, bytes);
        assertThat(bytes).isPositive();
    }

    static String decode(BufferedImage image) throws Exception {
        Result result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new ImageLuminance(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8"));
        return result.getText();
    }

    /** zxing core has no AWT; the grey levels of an image, as its javase module would give them. */
    static final class ImageLuminance extends LuminanceSource {
        private final byte[] grey;

        ImageLuminance(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            grey = new byte[image.getWidth() * image.getHeight()];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int level = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                    grey[y * image.getWidth() + x] = (byte) level;
                }
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] out = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            System.arraycopy(grey, y * getWidth(), out, 0, getWidth());
            return out;
        }

        @Override
        public byte[] getMatrix() {
            return grey;
        }
    }

    static final class BoundsStripper extends PDFTextStripper {
        float minX = Float.MAX_VALUE;
        float maxX;
        float maxYFromTop;

        BoundsStripper() throws IOException {
        }

        @Override
        protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
            if (text.getUnicode().isBlank()) {
                return;
            }
            minX = Math.min(minX, text.getXDirAdj());
            maxX = Math.max(maxX, text.getXDirAdj() + text.getWidthDirAdj());
            maxYFromTop = Math.max(maxYFromTop, text.getYDirAdj());
            super.processTextPosition(text);
        }
    }
}
