package vn.gov.egov.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.attachment.DocumentOwner;
import vn.gov.egov.attachment.PersonalDocument;
import vn.gov.egov.attachment.PersonalDocumentKind;
import vn.gov.egov.attachment.PersonalDocumentStore;
import vn.gov.egov.printing.Block;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Paper;

/**
 * Issuing results, their place in the citizen's document store, and their public verification. (Events are recorded
 * by a test execution listener, which leaves the shared context as it is.)
 */
@RecordApplicationEvents
class ResultsTest extends PlatformTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    Results results;

    @Autowired
    PersonalDocumentStore personalDocuments;

    @Autowired
    OfficialPapers papers;

    @Autowired
    JdbcClient jdbc;

    @Value("${egov.attachment.content-dir}")
    String contentDir;

    static ResultIssue licence(UUID dossierId, UUID accountId, String agencyCode) {
        return new ResultIssue(dossierId, agencyCode + "-261127-" + (1000 + (int) (Math.random() * 8999)), "1.000001",
                "Cấp giấy phép hoạt động thử nghiệm", ResultType.LICENCE, agencyCode, "Sở Văn hóa, Thể thao và Du lịch",
                "Nguyễn Văn An", accountId, null, new ResultIssue.Signer("Hoàng Thị Lan", "Phó Giám đốc"), "15/GP-SVHTTDL",
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(2), "GIẤY PHÉP HOẠT ĐỘNG",
                List.of("Căn cứ hồ sơ đề nghị và kết quả thẩm định,"), List.of(new ResultIssue.Field("Địa điểm", "Số 1 Lê Lợi, Lạng Sơn")),
                List.of());
    }

    static String agency() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aBusinesssResultGoesToTheBusinesssDocumentStore() {
        UUID account = UUID.randomUUID();
        String taxCode = "49" + (10_000_000 + (int) (Math.random() * 89_999_999));
        ResultIssue forCitizen = licence(UUID.randomUUID(), account, agency());
        ResultIssue issue = new ResultIssue(forCitizen.dossierId(), forCitizen.dossierCode(), forCitizen.procedureCode(),
                forCitizen.procedureName(), forCitizen.type(), forCitizen.agencyCode(), forCitizen.agencyName(), forCitizen.applicantName(),
                account, taxCode, forCitizen.signer(), forCitizen.decisionNumber(), forCitizen.validFrom(), forCitizen.validUntil(),
                forCitizen.title(), forCitizen.bodyLines(), forCitizen.fields(), forCitizen.refusalReasons());

        IssuedResult issued = results.issue(issue);

        assertThat(personalDocuments.documents(DocumentOwner.business(taxCode))).singleElement()
                .satisfies(document -> assertThat(document.sha256()).isEqualTo(issued.sha256()));
        assertThat(personalDocuments.documents(DocumentOwner.citizen(account))).as("not the representative's own").isEmpty();
    }

    @Test
    void aResultForACitizenWithAnAccountIsSignedStoredAndInTheirPersonalDocumentStore() throws Exception {
        UUID dossierId = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        ResultIssue issue = licence(dossierId, account, agency());
        IssuedResult issued = results.issue(issue);

        assertThat(issued.verificationUrl()).endsWith("/verify/" + issued.resultId());
        byte[] pdf = results.content(issued.resultId()).orElseThrow();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(issued.sha256());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("GIẤY PHÉP HOẠT ĐỘNG", "Nguyễn Văn An", "Số 1 Lê Lợi, Lạng Sơn", issue.dossierCode(),
                    "Số: 15/GP-SVHTTDL", "PHÓ GIÁM ĐỐC", "Hoàng Thị Lan");
            assertThat(document.getLastSignatureDictionary().getName()).isEqualTo("Hoàng Thị Lan");
            // the QR code printed on the result leads to its public verification page
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 200);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            com.google.zxing.Result qr = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))),
                    java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
            assertThat(qr.getText()).isEqualTo(issued.verificationUrl());
        }

        List<PersonalDocument> documents = personalDocuments.documents(DocumentOwner.citizen(account));
        assertThat(documents).singleElement().satisfies(document -> {
            assertThat(document.kind()).isEqualTo(PersonalDocumentKind.RESULT);
            assertThat(document.sha256()).isEqualTo(issued.sha256());
            assertThat(document.title()).isEqualTo("GIẤY PHÉP HOẠT ĐỘNG");
            assertThat(document.sourceDossierCode()).isEqualTo(issue.dossierCode());
            assertThat(document.validUntil()).isEqualTo(issue.validUntil());
        });
        assertThat(results.ofDossier(dossierId)).singleElement().satisfies(result -> {
            assertThat(result.resultId()).isEqualTo(issued.resultId());
            assertThat(result.holderMasked()).isEqualTo("Nguyễn V. A.");
            assertThat(result.type()).isEqualTo(ResultType.LICENCE);
            assertThat(result.revoked()).isFalse();
        });
        assertThat(jdbc.sql("select holder_name_sealed from result_document where id = :id").param("id", issued.resultId())
                .query(String.class).single()).startsWith("pd1:").doesNotContain("Nguyễn");
        assertThat(events.stream(ResultIssued.class)).singleElement()
                .isEqualTo(new ResultIssued(issued.resultId(), dossierId, issue.dossierCode(), ResultType.LICENCE, issued.issuedAt()));
        assertThat(jdbc.sql("select count(*) from attachment_reference where sha256 = :sha and channel = 'RESULT'")
                .param("sha", issued.sha256()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCitizenLoggedInThroughVneidFindsTheirResultInTheirDocumentStore() throws Exception {
        String token = citizenToken("020085999001");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher subject = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        assertThat(subject.find()).as(payload).isTrue();
        UUID account = UUID.fromString(subject.group(1));

        IssuedResult issued = results.issue(licence(UUID.randomUUID(), account, agency()));
        HttpResponse<String> documents = http.send(HttpRequest.newBuilder(uri("/api/v1/my/documents"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(documents.statusCode()).isEqualTo(200);
        assertThat(documents.body()).contains("\"title\":\"GIẤY PHÉP HOẠT ĐỘNG\"", "\"kind\":\"RESULT\"", issued.sha256());
    }

    @Test
    void aResultWithoutAnAccountIsStoredCentrallyOnlyAndARefusalNeedsReasons() {
        UUID dossierId = UUID.randomUUID();
        String agency = agency();
        IssuedResult issued = results.issue(new ResultIssue(dossierId, agency + "-261127-0002", "1.000003", "Thủ tục thử",
                ResultType.REFUSAL_NOTICE, agency, "UBND xã Thử nghiệm", "Lê Minh", null, null,
                new ResultIssue.Signer("Phạm Văn Đức", "Chủ tịch"), null, null, null, null, List.of(), List.of(),
                List.of("Thửa đất nằm trong quy hoạch hành lang an toàn giao thông.")));
        assertThat(results.find(issued.resultId())).hasValueSatisfying(result -> {
            assertThat(result.title()).isEqualTo("THÔNG BÁO TỪ CHỐI GIẢI QUYẾT");
            assertThat(result.holderMasked()).isEqualTo("Lê M.");
        });

        assertThatThrownBy(() -> new ResultIssue(dossierId, "X-261127-0003", "1.000003", "Thủ tục thử", ResultType.REFUSAL_NOTICE,
                agency, "UBND xã Thử nghiệm", "Lê Minh", null, null, new ResultIssue.Signer("Phạm Văn Đức", "Chủ tịch"), null, null, null,
                null, List.of(), List.of(), List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Lý do từ chối");
        assertThatThrownBy(() -> new ResultIssue(dossierId, "", "1.000003", "Thủ tục thử", ResultType.LICENCE, agency, "UBND xã",
                "Lê Minh", null, null, null, null, LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 1), null, null, null, null))
                .hasMessageContaining("Mã hồ sơ: bắt buộc").hasMessageContaining("Người ký").hasMessageContaining("Có hiệu lực đến");
    }

    @Test
    void theVerificationPageShowsAValidResultThenItsRevocation() throws Exception {
        IssuedResult issued = results.issue(licence(UUID.randomUUID(), null, agency()));
        HttpResponse<String> page = get("/verify/" + issued.resultId() + "?lang=vi");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page.body(), "verdict")).contains("Kết quả giải quyết xác thực");
        assertThat(text(page.body(), "signature-status")).contains("Hợp lệ");
        assertThat(text(page.body(), "validity-status")).contains("Còn hiệu lực");
        assertThat(page.body()).contains("Nguyễn V. A.").doesNotContain("Nguyễn Văn An").contains("Sở Văn hóa, Thể thao và Du lịch")
                .contains("Giấy phép").contains(results.find(issued.resultId()).orElseThrow().dossierCode());

        ResultDocument revoked = results.revoke(issued.resultId(), "Cấp nhầm người được cấp", "test-admin");
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedBy()).isEqualTo("test-admin");
        page = get("/verify/" + issued.resultId() + "?lang=vi");
        assertThat(text(page.body(), "verdict")).contains("KHÔNG còn giá trị");
        assertThat(text(page.body(), "validity-status")).contains("Đã bị thu hồi").contains("Cấp nhầm người được cấp");
        assertThat(text(page.body(), "signature-status")).contains("Hợp lệ");
        assertThat(events.stream(ResultRevoked.class)).singleElement().satisfies(event -> {
            assertThat(event.resultId()).isEqualTo(issued.resultId());
            assertThat(event.reason()).isEqualTo("Cấp nhầm người được cấp");
            assertThat(event.revokedBy()).isEqualTo("test-admin");
        });

        assertThat(audited("RESULT_ISSUED", issued.resultId())).isEqualTo(1);
        assertThat(audited("RESULT_REVOKED", issued.resultId())).isEqualTo(1);

        assertThatThrownBy(() -> results.revoke(issued.resultId(), "Lần hai", "test-admin"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("đã bị thu hồi trước đó");
        assertThatThrownBy(() -> results.revoke(UUID.randomUUID(), "Không có", "test-admin")).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void aTamperedStoredFileIsShownInvalidOnTheVerificationPage() throws Exception {
        IssuedResult issued = results.issue(licence(UUID.randomUUID(), null, agency()));
        Path stored = Path.of(contentDir).resolve(issued.sha256().substring(0, 2)).resolve(issued.sha256().substring(2, 4))
                .resolve(issued.sha256());
        byte[] original = Files.readAllBytes(stored);
        stored.toFile().setWritable(true);
        try {
            Files.write(stored, TamperedPdf.of(original));
            HttpResponse<String> page = get("/verify/" + issued.resultId() + "?lang=vi");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(text(page.body(), "verdict")).contains("KHÔNG còn giá trị");
            assertThat(text(page.body(), "signature-status")).contains("Không hợp lệ").contains("đã bị thay đổi sau khi ký")
                    .contains("Tệp đang lưu trữ không còn trùng khớp");
            assertThat(text(page.body(), "issued-status")).contains("đã bị thay đổi sau khi cấp");
        } finally {
            Files.write(stored, original);
        }
        assertThat(text(get("/verify/" + issued.resultId()).body(), "verdict")).contains("xác thực");
    }

    @Test
    void anUnknownResultIsA404PageInVietnamese() throws Exception {
        HttpResponse<String> unknown = get("/verify/" + UUID.randomUUID() + "?lang=vi");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<h1>Không tìm thấy kết quả giải quyết</h1>").contains("Hãy quét lại mã QR");
        assertThat(get("/verify/khong-phai-ma?lang=vi").statusCode()).isEqualTo(404);
    }

    @Test
    void anUploadedPdfIsCheckedByItsHashAndItsSignature() throws Exception {
        IssuedResult issued = results.issue(licence(UUID.randomUUID(), null, agency()));
        byte[] authentic = results.content(issued.resultId()).orElseThrow();
        Browser browser = new Browser();

        HttpResponse<String> genuine = upload(browser, "giay-phep.pdf", "application/pdf", authentic);
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(text(genuine.body(), "upload-message")).contains("trùng khớp từng byte");
        assertThat(text(genuine.body(), "verdict")).contains("Kết quả giải quyết xác thực");

        HttpResponse<String> tampered = upload(browser, "giay-phep-sua.pdf", "application/pdf", TamperedPdf.of(authentic));
        assertThat(text(tampered.body(), "upload-message")).contains("giay-phep-sua.pdf").contains("chữ ký số không hợp lệ");
        assertThat(text(tampered.body(), "signature-reasons")).contains("đã bị thay đổi sau khi ký");

        byte[] unsigned = papers.render(new Paper("UBND TỈNH LẠNG SƠN", null, null, null, "Giấy phép giả", null,
                List.of(new Block.Paragraph("Không có chữ ký")), null, null));
        assertThat(text(upload(browser, "gia.pdf", "application/pdf", unsigned).body(), "upload-message"))
                .contains("không có chữ ký số");

        HttpResponse<String> notPdf = upload(browser, "anh.pdf", "application/pdf", "Không phải tệp PDF. ".repeat(10).getBytes(StandardCharsets.UTF_8));
        assertThat(notPdf.statusCode()).isEqualTo(422);
        assertThat(text(notPdf.body(), "file-error")).contains("anh.pdf").contains("không phải là tệp PDF");

        HttpResponse<String> nothing = upload(browser, "", "application/octet-stream", new byte[0]);
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(text(nothing.body(), "file-error")).contains("hãy chọn tệp PDF");
    }

    /** Entries of this action on the result, whether still pending or already chained. */
    private long audited(String action, UUID resultId) {
        return jdbc.sql("""
                select (select count(*) from audit_pending where action = :action and object_id = :id)
                     + (select count(*) from audit_entry where action = :action and object_id = :id)""")
                .param("action", action).param("id", resultId.toString()).query(Long.class).single();
    }

    private HttpResponse<String> upload(Browser browser, String fileName, String type, byte[] content) throws Exception {
        HttpResponse<String> form = browser.get("/verify?lang=vi");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String boundary = "----ket-qua-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1) + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.client().send(HttpRequest.newBuilder(uri("/verify?lang=vi"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The text inside the element with this id (tags dropped, whitespace collapsed). */
    static String text(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element #" + id + " in\n" + html).isNotNegative();
        int start = html.lastIndexOf('<', at);
        String tag = html.substring(start + 1, html.indexOf(' ', start)).replace(">", "");
        int depth = 0;
        Matcher tags = Pattern.compile("<(/?)" + tag + "\\b[^>]*>").matcher(html);
        tags.region(start, html.length());
        int end = html.length();
        while (tags.find()) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                end = tags.end();
                break;
            }
        }
        return html.substring(start, end).replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replaceAll("\\s+", " ").strip();
    }

    /** Changes one letter of the PDF's XMP metadata (uncompressed, inside the signed range): the file still reads. */
    static final class TamperedPdf {
        static byte[] of(byte[] pdf) {
            byte[] copy = pdf.clone();
            byte[] marker = "<dc:format>application/pdf".getBytes(StandardCharsets.US_ASCII);
            outer:
            for (int i = 0; i < copy.length - marker.length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    if (copy[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                copy[i + "<dc:format>applicatio".length()] = 'm';
                return copy;
            }
            throw new AssertionError("no XMP format in the PDF");
        }
    }
}
