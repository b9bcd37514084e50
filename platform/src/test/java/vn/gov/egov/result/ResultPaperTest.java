package vn.gov.egov.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.printing.Paper;
import vn.gov.egov.printing.Signature;
import vn.gov.egov.signing.PdfSigning;
import vn.gov.egov.signing.PdfValidation;

/**
 * The paper of a result: the header names the issuing body and its governing body as the agencies catalog has them
 * on the issue date (NĐ 30/2020), the place and date line the issuing body's locality, and the agency's digital
 * signature is drawn, in Vietnamese, in the signature block of the last page, and still validates.
 */
class ResultPaperTest extends PlatformTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    Results results;

    @Autowired
    PdfSigning signing;

    @Autowired
    SharedCatalogs catalogs;

    private static ResultIssue issue(String agencyCode, String agencyName, String signerTitle) {
        return new ResultIssue(UUID.randomUUID(), agencyCode + "-261127-" + (1000 + (int) (Math.random() * 8999)), "1.000002",
                "Cấp bản sao trích lục hộ tịch", ResultType.CERTIFICATE, agencyCode, agencyName, "Trần Thị Bích", null, null,
                new ResultIssue.Signer("Lý Văn Hùng", signerTitle), null, null, null, "TRÍCH LỤC HỘ TỊCH",
                List.of("Căn cứ hồ sơ đề nghị,"), List.of(), List.of());
    }

    @Test
    void aDepartmentsResultNamesTheProvinceOverTheDepartmentAndADeputySignsForTheDirector() throws Exception {
        IssuedResult issued = results.issue(issue("SO-TP", "Sở Tư pháp", "Phó Giám đốc"));
        byte[] pdf = results.content(issued.resultId()).orElseThrow();

        List<String> lines = lines(pdf);
        assertThat(lines).containsSubsequence("UBND TỈNH LẠNG SƠN", "SỞ TƯ PHÁP");
        // the number and the place and date share a line (NĐ 30/2020, items 3 and 4)
        assertThat(lines).anyMatch(line -> line.endsWith(" " + Paper.placeAndDate("Lạng Sơn", issued.issuedAt().atZone(VIETNAM).toLocalDate())));
        assertThat(lines).containsSubsequence("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký số)", "Lý Văn Hùng");
        visibleSignatureIn(pdf, "Sở Tư pháp");
        PdfValidation validation = signing.validate(pdf);
        assertThat(validation.verdict()).as(validation.reasons().toString()).isEqualTo(PdfValidation.Verdict.VALID);
        assertThat(get("/verify/" + issued.resultId() + "?lang=vi").body()).contains("Kết quả giải quyết xác thực");
    }

    @Test
    void aCommunesResultNamesTheCommitteeAndItsCommuneAndTheChairmanSignsOnItsBehalf() throws Exception {
        IssuedResult issued = results.issue(issue("UBND-06001", "Ủy ban nhân dân xã Đoàn Kết", "Chủ tịch"));
        byte[] pdf = results.content(issued.resultId()).orElseThrow();

        List<String> lines = lines(pdf);
        assertThat(lines).containsSubsequence("ỦY BAN NHÂN DÂN", "XÃ ĐOÀN KẾT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(String.join("\n", lines)).doesNotContain("UBND TỈNH LẠNG SƠN").doesNotContain("Lạng Sơn, ngày");
        assertThat(lines).anyMatch(line -> line.endsWith(" " + Paper.placeAndDate("Đoàn Kết", issued.issuedAt().atZone(VIETNAM).toLocalDate())));
        assertThat(lines).containsSubsequence("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký số)", "Lý Văn Hùng");
        visibleSignatureIn(pdf, "Ủy ban nhân dân xã Đoàn Kết");
        assertThat(signing.validate(pdf).verdict()).isEqualTo(PdfValidation.Verdict.VALID);
    }

    @Test
    void theHeaderIsTheCatalogsAsOfTheIssueDate() {
        // before 1 July 2025 a district's division issued under its district's committee, in the district's place
        IssuingBody division = IssuingBody.of(catalogs, "UBND-178.TP", "Phòng Tư pháp thành phố Lạng Sơn",
                LocalDate.of(2025, 3, 15), "UBND TỈNH LẠNG SƠN", "Lạng Sơn");
        assertThat(division.governingBody()).isEqualTo("UBND THÀNH PHỐ LẠNG SƠN");
        assertThat(division.issuingBody()).isEqualTo("PHÒNG TƯ PHÁP");
        assertThat(division.place()).isEqualTo("Lạng Sơn");
        assertThat(division.signerBlock("Phó Trưởng phòng")).isEqualTo("KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG");
        // the commune of Đoàn Kết then belonged to the district of Tràng Định; a committee names no governing body
        IssuingBody commune = IssuingBody.of(catalogs, "UBND-06001", "Ủy ban nhân dân xã Đoàn Kết", LocalDate.of(2025, 3, 15),
                "UBND TỈNH LẠNG SƠN", "Lạng Sơn");
        assertThat(commune.governingBody()).isEmpty();
        assertThat(commune.issuingBody()).isEqualTo("ỦY BAN NHÂN DÂN\nXÃ ĐOÀN KẾT");
        assertThat(commune.place()).isEqualTo("Đoàn Kết");
        assertThat(commune.signerBlock("Phó Chủ tịch")).isEqualTo("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
        // an agency the catalog does not know keeps the province's header; an unknown title is printed as given
        IssuingBody unknown = IssuingBody.of(catalogs, "X-" + UUID.randomUUID().toString().substring(0, 8), "Sở Thử nghiệm",
                LocalDate.now(VIETNAM), "UBND TỈNH LẠNG SƠN", "Lạng Sơn");
        assertThat(unknown).isEqualTo(new IssuingBody("UBND TỈNH LẠNG SƠN", "SỞ THỬ NGHIỆM", "Lạng Sơn", null));
        assertThat(unknown.signerBlock("Lãnh đạo cơ quan")).isEqualTo("LÃNH ĐẠO CƠ QUAN");
        assertThat(IssuingBody.withoutUnitType("Thị trấn Đồng Đăng")).isEqualTo("Đồng Đăng");
    }

    private static List<String> lines(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    /**
     * The signed field is the one printing placed in the signature block of the last page; its appearance is real
     * text in an embedded subset of the papers' font (so Vietnamese shows as letters, not boxes), and it is drawn.
     */
    private static void visibleSignatureIn(byte[] pdf, String agencyName) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            PDSignatureField field = (PDSignatureField) form.getField(Signature.DIGITAL_SIGNATURE_FIELD);
            assertThat(field.getSignature()).as("the field holds the signature").isNotNull();
            PDAnnotationWidget widget = field.getWidgets().get(0);
            int last = document.getNumberOfPages() - 1;
            assertThat(document.getPage(last).getAnnotations()).contains(widget);
            PDRectangle box = widget.getRectangle();
            assertThat(box.getWidth()).isGreaterThan(150);
            assertThat(box.getHeight()).isBetween(40f, 60f);
            assertThat(box.getLowerLeftY()).as("in the lower half of the page").isLessThan(document.getPage(last).getMediaBox().getHeight() / 2);

            PDResources resources = widget.getNormalAppearanceStream().getResources();
            StringBuilder fonts = new StringBuilder();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.append(font.getName()).append(' ');
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject inner
                        && inner.getResources() != null) {
                    for (COSName fontName : inner.getResources().getFontNames()) {
                        fonts.append(inner.getResources().getFont(fontName).getName()).append(' ');
                    }
                }
            }
            assertThat(fonts.toString()).containsPattern(Pattern.compile("[A-Z]{6}\\+DejaVuSans"));

            // drawn: ink inside the field's box
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(last, 72);
            int ink = 0;
            for (int x = (int) box.getLowerLeftX() + 2; x < (int) box.getUpperRightX() - 2; x++) {
                for (int y = (int) (page.getHeight() - box.getUpperRightY()) + 2; y < (int) (page.getHeight() - box.getLowerLeftY()) - 2; y++) {
                    if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                        ink++;
                    }
                }
            }
            assertThat(ink).as("pixels drawn in the signature's box").isGreaterThan(100);

            // its text, as a reader copies it once the form is flattened
            form.flatten(List.of(field), false);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Ký bởi: " + agencyName).contains("Người ký: Lý Văn Hùng")
                    .containsPattern("Thời gian ký: \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2} \\+07:00");
        }
    }
}
