package vn.gov.egov.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierTestSupport;
import vn.gov.egov.dossier.MissingItem;

/** The one-stop desk's pages, as an officer uses them: queue, accept with receipt, supplements, refusal, in person. */
class ReceptionPagesTest extends DossierTestSupport {

    static final String ID_CARD = "Căn cước công dân hoặc hộ chiếu";
    /** In the national population database, without a VNeID account. */
    static final String RESIDENT_WITHOUT_VNEID = "020145999013";

    private static String citizenToken;
    private static Browser desk;
    private static Browser otherDesk;

    @Autowired
    DossierReception reception;

    @BeforeEach
    void sessions() throws Exception {
        if (citizenToken == null) {
            citizenToken = citizenToken(CITIZEN);
        }
        if (desk == null) {
            desk = new Browser();
            desk.logIn(DESK);
        }
        if (otherDesk == null) {
            otherDesk = new Browser();
            otherDesk.logIn(OTHER_DESK);
        }
    }

    @Test
    void theQueueShowsTheDossierWithTheTimeLeftInWords() throws Exception {
        String code = submitOnline(citizenToken, "queue " + UUID.randomUUID());
        HttpResponse<String> page = desk.get("/reception");
        assertThat(page.statusCode()).isEqualTo(200);
        String row = row(page.body(), code);
        assertThat(row).contains("Cấp Phiếu lý lịch tư pháp").contains("Nguyễn Văn An").contains("Cổng Dịch vụ công của tỉnh");
        assertThat(row).containsPattern("(còn|quá hạn) \\d+ (giờ|phút)( \\d+ phút)? làm việc");
        assertThat(otherDesk.get("/reception").body()).as("another agency's desk").doesNotContain(code);

        HttpResponse<String> search = desk.get("/reception?code=" + code);
        assertThat(search.statusCode()).isEqualTo(302);
        assertThat(search.headers().firstValue("Location").orElseThrow()).endsWith("/reception/dossiers/" + code);
        assertThat(desk.get("/reception?code=SO-TP-000000-9999").body()).contains("Không tìm thấy hồ sơ mã SO-TP-000000-9999");
        assertThat(desk.get("/workspace").body()).contains("href=\"/reception\"");
    }

    @Test
    void theOfficerAcceptsOnThePageAndTheReceiptLinkGivesThePdf() throws Exception {
        String code = submitOnline(citizenToken, "accept page " + UUID.randomUUID());
        String page = desk.get("/reception/dossiers/" + code).body();
        assertThat(page).contains("Họ và tên").contains("Nguyễn Văn An").contains("Bổ sung hồ sơ xin việc")
                .contains("/reception/dossiers/" + code + "/files/").contains("Tiếp nhận hồ sơ");
        // the form as a person writes it: the date day first, the option by its title, under their groups
        assertThat(org.jsoup.Jsoup.parse(page).select("#form-values").text()).contains("Ngày sinh 12/03/1985")
                .contains("Loại phiếu yêu cầu cấp Phiếu số 1").contains("Nội dung yêu cầu").doesNotContain("1985-03-12");

        HttpResponse<String> accepted = desk.post("/reception/dossiers/" + code + "/acceptance", "/reception/dossiers/" + code, Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/reception/dossiers/" + code + "/accepted");
        HttpResponse<String> result = desk.get("/reception/dossiers/" + code + "/accepted");
        DossierDetail detail = reception.forOfficer(DESK, code).orElseThrow();
        assertThat(detail.summary().status()).isEqualTo(DossierStatus.RECEIVED);
        String appointment = "%02d/%02d/%d".formatted(detail.summary().appointmentDate().getDayOfMonth(),
                detail.summary().appointmentDate().getMonthValue(), detail.summary().appointmentDate().getYear());
        assertThat(result.body()).contains("Đã tiếp nhận hồ sơ " + code).contains(appointment);
        Matcher link = Pattern.compile("id=\"receipt-link\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"receipt-link\"").matcher(result.body());
        assertThat(link.find()).as(result.body()).isTrue();
        String href = link.group(1) != null ? link.group(1) : link.group(2);
        HttpResponse<byte[]> receipt = desk.client().send(HttpRequest.newBuilder(uri(href)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(receipt.headers().firstValue("Content-Disposition").orElseThrow()).contains("giay-tiep-nhan-" + code);
        assertThat(new String(receipt.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        HttpResponse<String> again = desk.post("/reception/dossiers/" + code + "/acceptance", "/reception/dossiers/" + code + "/accepted", Map.of());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("id=\"error-summary\"").contains("chỉ quyết định được hồ sơ đang chờ tiếp nhận");
    }

    @Test
    void aSupplementRequestWithRowsThenThePapersBroughtToTheDesk() throws Exception {
        String code = submitOnline(citizenToken, "supplement page " + UUID.randomUUID());
        String path = "/reception/dossiers/" + code + "/supplement-request";
        HttpResponse<String> added = postFields(desk, path, "/reception/dossiers/" + code,
                List.of(Map.entry("what", ID_CARD), Map.entry("why", "Ảnh mờ"), Map.entry("action", "add-row")));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("id=\"missing-1-what\"").contains("value=\"Ảnh mờ\"").contains("Xóa dòng 2");

        HttpResponse<String> halfRow = postFields(desk, path, "/reception/dossiers/" + code,
                List.of(Map.entry("what", ID_CARD), Map.entry("why", ""), Map.entry("action", "send")));
        assertThat(halfRow.body()).contains("id=\"missing-0-why-error\"").contains("Dòng 1 – Lý do: bắt buộc")
                .contains("href=\"#missing-0-why\"");

        HttpResponse<String> sent = postFields(desk, path, "/reception/dossiers/" + code, List.of(
                Map.entry("what", ID_CARD), Map.entry("why", "Ảnh chụp mờ, không đọc được số"),
                Map.entry("what", "Tờ khai"), Map.entry("why", "Thiếu chữ ký người yêu cầu"), Map.entry("action", "send")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        DossierDetail sentBack = reception.forOfficer(DESK, code).orElseThrow();
        assertThat(sentBack.summary().status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
        assertThat(sentBack.missingItems()).containsExactly(new MissingItem(ID_CARD, "Ảnh chụp mờ, không đọc được số"),
                new MissingItem("Tờ khai", "Thiếu chữ ký người yêu cầu"));
        assertThat(row(desk.get("/reception").body().substring(desk.get("/reception").body().indexOf("sent-back-heading")), code)).contains(code);

        String page = desk.get("/reception/dossiers/" + code).body();
        assertThat(page).contains("Nhận giấy tờ bổ sung").contains("id=\"paper-0\"");
        HttpResponse<String> brought = multipart(desk, "/reception/dossiers/" + code + "/supplement", "/reception/dossiers/" + code,
                List.of(), List.of(new FilePart("paper-0", "cccd-ro.pdf", "application/pdf", pdf("CCCD rõ " + code, 0))));
        assertThat(brought.statusCode()).as(brought.body()).isEqualTo(302);
        DossierDetail back = reception.forOfficer(DESK, code).orElseThrow();
        assertThat(back.summary().status()).isEqualTo(DossierStatus.SUBMITTED);
        assertThat(back.documents()).anySatisfy(d -> assertThat(d.supplementRound()).isEqualTo(1));
    }

    @Test
    void aRefusalWithoutAReasonIsShownAtTheField() throws Exception {
        String code = submitOnline(citizenToken, "refuse page " + UUID.randomUUID());
        HttpResponse<String> noReason = desk.post("/reception/dossiers/" + code + "/refusal", "/reception/dossiers/" + code,
                Map.of("reasons", "  \n "));
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(noReason.body()).contains("id=\"error-summary\"").contains("href=\"#reasons\"").contains("id=\"reasons-error\"")
                .contains("Lý do từ chối: bắt buộc nêu ít nhất một lý do").contains("aria-invalid=\"true\"");
        assertThat(reception.forOfficer(DESK, code).orElseThrow().summary().status()).isEqualTo(DossierStatus.SUBMITTED);

        HttpResponse<String> refused = desk.post("/reception/dossiers/" + code + "/refusal", "/reception/dossiers/" + code,
                Map.of("reasons", "Yêu cầu không thuộc thẩm quyền\nĐã có kết quả giải quyết trước đó"));
        assertThat(refused.statusCode()).isEqualTo(302);
        DossierDetail detail = reception.forOfficer(DESK, code).orElseThrow();
        assertThat(detail.summary().status()).isEqualTo(DossierStatus.REFUSED);
        assertThat(detail.steps().get(detail.steps().size() - 1).note()).contains("không thuộc thẩm quyền").contains("Đã có kết quả");
        assertThat(desk.get("/reception/dossiers/" + code).body()).contains("Phiếu từ chối tiếp nhận giải quyết hồ sơ");
    }

    @Test
    void aDossierBroughtInPersonWithTheApplicantFromThePopulationDatabase() throws Exception {
        HttpResponse<String> form = desk.get("/reception/new?procedureCode=1.000001&agencyCode=SO-TP");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Tra cứu CSDL quốc gia về dân cư").contains(ID_CARD).contains("id=\"doc-1\"")
                .contains("Họ và tên");

        HttpResponse<String> found = postFields(desk, "/reception/new/resident", "/reception/new?procedureCode=1.000001",
                List.of(Map.entry("personalId", RESIDENT_WITHOUT_VNEID), Map.entry("agencyCode", "SO-TP")));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Hoàng Thị Nhung").contains("1945-02-10").contains("Xã Văn Quan")
                .contains("Cơ sở dữ liệu quốc gia về dân cư").doesNotContain("<html");
        HttpResponse<String> unknown = postFields(desk, "/reception/new/resident", "/reception/new?procedureCode=1.000001",
                List.of(Map.entry("personalId", "020185999099"), Map.entry("agencyCode", "SO-TP")));
        assertThat(unknown.body()).contains("Không tìm thấy số định danh này");
        HttpResponse<String> invalid = postFields(desk, "/reception/new/resident", "/reception/new?procedureCode=1.000001",
                List.of(Map.entry("personalId", "12345"), Map.entry("agencyCode", "SO-TP")));
        assertThat(invalid.body()).contains("12 chữ số");

        HttpResponse<String> missingName = multipart(desk, "/reception/new", "/reception/new?procedureCode=1.000001", List.of(
                Map.entry("procedureCode", "1.000001"), Map.entry("agencyCode", "SO-TP"), Map.entry("personalId", RESIDENT_WITHOUT_VNEID),
                Map.entry("resultDelivery", "AT_DESK")), List.of());
        assertThat(missingName.statusCode()).isEqualTo(200);
        assertThat(missingName.body()).contains("href=\"#applicantName\"").contains("Họ và tên người nộp: bắt buộc");

        HttpResponse<String> registered = multipart(desk, "/reception/new", "/reception/new?procedureCode=1.000001", List.of(
                Map.entry("procedureCode", "1.000001"), Map.entry("agencyCode", "SO-TP"), Map.entry("personalId", RESIDENT_WITHOUT_VNEID),
                Map.entry("applicantName", "Hoàng Thị Nhung"), Map.entry("birthDate", "1945-02-10"),
                Map.entry("address", "Thôn Bản Mô Phỏng, Xã Văn Quan, tỉnh Lạng Sơn"), Map.entry("phoneNumber", "0912345013"),
                Map.entry("resultDelivery", "AT_DESK"), Map.entry("action", "register")),
                List.of(new FilePart("doc-1", "scan-cccd.pdf", "application/pdf", pdf("CCCD Nhung " + UUID.randomUUID(), 0))));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        String location = registered.headers().firstValue("Location").orElseThrow();
        String code = location.substring(location.lastIndexOf('/') + 1);
        DossierDetail detail = reception.forOfficer(DESK, code).orElseThrow();
        assertThat(detail.summary().channel()).isEqualTo(DossierChannel.IN_PERSON);
        assertThat(detail.summary().applicantName()).isEqualTo("Hoàng Thị Nhung");
        assertThat(detail.maskedPersonalId()).isEqualTo("020******013");
        assertThat(detail.documents()).extracting(d -> d.requiredDocument()).containsExactly(ID_CARD);
        String page = desk.get(location.replaceFirst("^https?://[^/]+", "")).body();
        assertThat(page).contains("Đã đăng ký hồ sơ " + code).contains("Trực tiếp tại Bộ phận Một cửa").contains("id=\"accept\"")
                .doesNotContain(RESIDENT_WITHOUT_VNEID);
    }

    @Test
    void anOfficerOfAnotherAgencyCannotSeeOrDecide() throws Exception {
        String code = submitOnline(citizenToken, "other agency " + UUID.randomUUID());
        assertThat(otherDesk.get("/reception/dossiers/" + code).statusCode()).isEqualTo(404);
        DossierDetail detail = reception.forOfficer(DESK, code).orElseThrow();
        assertThat(otherDesk.get("/reception/dossiers/" + code + "/files/" + detail.documents().get(0).sha256()).statusCode()).isEqualTo(404);
        HttpResponse<String> accept = otherDesk.post("/reception/dossiers/" + code + "/acceptance", "/reception", Map.of());
        assertThat(accept.statusCode()).isEqualTo(404);
        assertThat(reception.forOfficer(DESK, code).orElseThrow().summary().status()).isEqualTo(DossierStatus.SUBMITTED);
        HttpResponse<String> anonymous = get("/reception");
        assertThat(anonymous.statusCode()).isIn(302, 401, 403);
    }

    // ---- helpers: forms with repeated fields, and multipart forms, with the CSRF token of the page that holds them

    record FilePart(String name, String fileName, String mediaType, byte[] content) {
    }

    private String csrf(Browser browser, String formPage) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.get(formPage).body());
        assertThat(csrf.find()).as("CSRF token on " + formPage).isTrue();
        return csrf.group(1);
    }

    HttpResponse<String> postFields(Browser browser, String path, String formPage, List<Map.Entry<String, String>> fields) throws Exception {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> f : fields) {
            pairs.add(f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        pairs.add("_csrf=" + URLEncoder.encode(csrf(browser, formPage), StandardCharsets.UTF_8));
        return browser.client().send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> multipart(Browser browser, String path, String formPage, List<Map.Entry<String, String>> fields,
                                   List<FilePart> files) throws Exception {
        String boundary = "----desk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf(browser, formPage)));
        for (Map.Entry<String, String> f : all) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart f : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.name() + "\"; filename=\"" + f.fileName()
                    + "\"\r\nContent-Type: " + f.mediaType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(f.content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.client().send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The table row of a dossier on a page. */
    static String row(String page, String code) {
        int at = page.indexOf(">" + code + "<");
        assertThat(at).as("row of " + code).isGreaterThan(0);
        int start = page.lastIndexOf("<tr", at);
        int end = page.indexOf("</tr>", at);
        return page.substring(start, end);
    }
}
