package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.egov.dossier.DossierFixtures.ID_CARD;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The citizen's pages, as a browser without JavaScript uses them: the draft (pre-filled, files kept, a bad file refused
 * at its document), review and submit (once, however often it is posted), the dossier page with its QR code,
 * withdrawal, supplements, the public look-up, and another citizen kept out.
 */
class DossierPagesTest extends DossierTestSupport {

    /** The second VNeID test identity. */
    private static final String OTHER_CITIZEN = "020192999002";
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.gov.egov.attachment.PersonalDocumentStore personalDocuments;

    @Autowired
    vn.gov.egov.attachment.DossierFiles files;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    private static HttpClient session;
    private static String token;

    @BeforeEach
    void citizen() throws Exception {
        if (session == null) {
            session = citizenSession(CITIZEN);
            token = citizenToken(CITIZEN);
        }
    }

    @Test
    void aDraftIsSavedWithItsFileAndResumedWithThePrefilledValues() throws Exception {
        String draft = newDraft();
        Document page = page(draft);
        assertThat(page.title()).contains("Cấp Phiếu lý lịch tư pháp");
        assertThat(page.getElementById("ef-hoTen").val()).as("pre-filled from VNeID").isEqualTo("Nguyễn Văn An");
        assertThat(page.select("input[name=soDinhDanh]").val()).isEqualTo(CITIZEN);
        assertThat(page.text()).as("the form replaces the application document").contains("tờ khai điện tử ở trên thay cho giấy tờ này");

        Map<String, String> fields = fields(page);
        fields.put("mucDichSuDung", "Bổ sung hồ sơ xin việc");
        fields.put("loaiPhieu", "1");
        fields.put("soLuongPhieu", "1");
        fields.put("action", "save");
        HttpResponse<String> saved = postMultipart(draft, fields, Map.of(fileInput(page), new FilePart("cccd.pdf", "application/pdf",
                pdf("CCCD draft " + UUID.randomUUID(), 3000))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(draft);

        Document resumed = page(draft);
        assertThat(resumed.text()).contains("Đã lưu nháp").contains("Đã lưu: cccd.pdf");
        assertThat(resumed.getElementById("ef-hoTen").val()).isEqualTo("Nguyễn Văn An");
        assertThat(resumed.select("textarea[name=mucDichSuDung]").text()).isEqualTo("Bổ sung hồ sơ xin việc");
        String sealed = jdbc.sql("select form_sealed from dossier_draft where id = ?").param(UUID.fromString(draftId(draft)))
                .query(String.class).single();
        assertThat(sealed).as("the draft's form sealed at rest").startsWith("pd1:").doesNotContain("Nguyễn Văn An").doesNotContain(CITIZEN);
        assertThat(jdbc.sql("select count(*) from attachment_reference where channel = 'DRAFT' and stored_by = ?")
                .param(accountOf(draft)).query(Integer.class).single()).as("the file kept in the central repository").isPositive();

        Document list = Jsoup.parse(send(session, "/my/dossiers/drafts").body());
        assertThat(list.select("#drafts a").eachAttr("href")).contains(draft);
    }

    @Test
    void aReplacedFileAndADeletedDraftReleaseTheirFilesInTheCentralRepository() throws Exception {
        String draft = newDraft();
        Document page = page(draft);
        Map<String, String> fields = fields(page);
        fields.put("action", "save");
        String input = fileInput(page);
        byte[] first = pdf("first " + UUID.randomUUID(), 3000);
        byte[] second = pdf("second " + UUID.randomUUID(), 3000);
        assertThat(postMultipart(draft, fields, Map.of(input, new FilePart("a.pdf", "application/pdf", first))).statusCode()).isEqualTo(302);
        assertThat(draftReferences(draft, first)).isEqualTo(1);
        Map<String, String> again = fields(page(draft));
        again.put("action", "save");
        assertThat(postMultipart(draft, again, Map.of(input, new FilePart("a.pdf", "application/pdf", first))).statusCode())
                .as("the same file again").isEqualTo(302);
        assertThat(draftReferences(draft, first)).as("not stored twice for the draft").isEqualTo(1);

        Map<String, String> replacing = fields(page(draft));
        replacing.put("action", "save");
        assertThat(postMultipart(draft, replacing, Map.of(input, new FilePart("b.pdf", "application/pdf", second))).statusCode()).isEqualTo(302);
        assertThat(draftReferences(draft, first)).as("the replaced file released").isZero();
        assertThat(draftReferences(draft, second)).isEqualTo(1);

        String csrf = page(draft).select("input[name=_csrf]").val();
        String account = accountOf(draft);
        assertThat(send(session, draft + "/delete", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from attachment_reference where channel = 'DRAFT' and stored_by = ? and sha256 = ?")
                .params(account, sha256(second)).query(Integer.class).single()).as("the deleted draft's file released").isZero();
    }

    private int draftReferences(String draft, byte[] file) {
        return jdbc.sql("select count(*) from attachment_reference where channel = 'DRAFT' and stored_by = ? and sha256 = ?")
                .params(accountOf(draft), sha256(file)).query(Integer.class).single();
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRepresentativeChoosesTheBusinessByItsNameAndTaxCode() throws Exception {
        HttpClient representative = citizenSession("020192999002");
        HttpResponse<String> created = send(representative, "/my/dossiers/new?procedure=" + PROCEDURE);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        Document page = Jsoup.parse(send(representative, location.substring(location.indexOf("/my/"))).body());
        assertThat(page.select("input[name=businessTaxCode][value=4999000101]")).hasSize(1);
        String id = page.select("input[name=businessTaxCode][value=4999000101]").attr("id");
        assertThat(page.select("label[for=" + id + "]").text())
                .isEqualTo("Công ty TNHH Thương mại Hoa Hồi Xứ Lạng (MÔ PHỎNG) (mã số thuế 4999000101; tôi là người đại diện)");
    }

    @Test
    void aProcedureWithoutOnlineServiceOffersNoDraft() throws Exception {
        assertThat(Jsoup.parse(get("/procedures/1.000002").body()).getElementById("submit-online")).isNull();
        int before = jdbc.sql("select count(*) from dossier_draft").query(Integer.class).single();
        HttpResponse<String> refused = send(session, "/my/dossiers/new?procedure=1.000002");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).getElementById("problem").text()).contains("không cung cấp dịch vụ công trực tuyến");
        assertThat(send(session, "/my/dossiers/new?procedure=9.999999").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from dossier_draft").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aPngNamedPdfIsRefusedAtItsDocumentWhileTheRestOfTheDraftIsKept() throws Exception {
        String draft = newDraft();
        Document page = page(draft);
        String file = fileInput(page);
        Map<String, String> fields = fields(page);
        fields.put("mucDichSuDung", "Đi du học");
        fields.put("action", "review");
        HttpResponse<String> refused = postMultipart(draft, fields, Map.of(file, new FilePart("cccd.pdf", "application/pdf", PNG)));

        assertThat(refused.statusCode()).isEqualTo(422);
        Document shown = Jsoup.parse(refused.body());
        Element input = shown.getElementById(file);
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        String errorId = input.attr("aria-describedby").split(" ")[1];
        assertThat(shown.getElementById(errorId).text()).contains("cccd.pdf");
        assertThat(shown.select("#error-summary a[href=#" + file + "]")).hasSize(1);

        Document resumed = page(draft);
        assertThat(resumed.select("textarea[name=mucDichSuDung]").text()).isEqualTo("Đi du học");
        assertThat(resumed.text()).doesNotContain("Đã lưu: cccd.pdf");
    }

    @Test
    void submittedFromTheReviewPageOnceHoweverOftenItIsPosted() throws Exception {
        String draft = completeDraft("submit");
        Document review = Jsoup.parse(send(session, draft + "/review").body());
        assertThat(review.select("#review-form").text()).contains("Nguyễn Văn An").contains("Bổ sung hồ sơ xin việc");
        assertThat(review.select("#review-documents").text()).contains(ID_CARD).contains("cccd.pdf");
        String csrf = review.select("input[name=_csrf]").val();

        // a double click: two posts at once, then the back button and a third
        CompletableFuture<HttpResponse<String>> first = postFormAsync(draft + "/submit", Map.of("_csrf", csrf));
        CompletableFuture<HttpResponse<String>> second = postFormAsync(draft + "/submit", Map.of("_csrf", csrf));
        String location = first.get().headers().firstValue("Location").orElseThrow(() -> new AssertionError(bodyOf(first)));
        assertThat(second.get().headers().firstValue("Location")).contains(location);
        assertThat(postFormAsync(draft + "/submit", Map.of("_csrf", csrf)).get().headers().firstValue("Location")).contains(location);
        String code = location.substring(location.lastIndexOf('/') + 1);
        assertThat(code).matches("000\\.00\\.10\\.H20-\\d{6}-\\d{4}");
        assertThat(jdbc.sql("select count(*) from dossier where idempotency_key = ?").param("draft-" + draftId(draft))
                .query(Integer.class).single()).isEqualTo(1);

        Document done = Jsoup.parse(send(session, java.net.URI.create(location).getPath()).body());
        assertThat(done.getElementById("submitted").text()).contains("Nộp hồ sơ thành công");
        assertThat(done.getElementById("dossier-code").text()).isEqualTo(code);
        String qr = done.getElementById("dossier-qr").attr("src");
        assertThat(qr).isEqualTo("/tra-cuu-ho-so/" + code + "/qr.png");
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(at(qr)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(new String(png.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

        assertThat(send(session, draft).headers().firstValue("Location")).as("the draft is gone").contains(location);
        assertThat(Jsoup.parse(send(session, "/my/dossiers/drafts").body()).select("a[href=" + draft + "]")).isEmpty();
        assertThat(jdbc.sql("select count(*) from dossier_draft_document where draft_id = ?").param(UUID.fromString(draftId(draft)))
                .query(Integer.class).single()).isZero();

        Document mine = Jsoup.parse(send(session, "/my/dossiers").body());
        assertThat(mine.select("#dossiers a").eachText()).contains(code);
        Document detail = Jsoup.parse(send(session, "/my/dossiers/" + code).body());
        assertThat(detail.select("#timeline").text()).contains("Nộp hồ sơ").contains("Nguyễn Văn An");
        String download = detail.select("#documents a").first().attr("href");
        HttpResponse<byte[]> file = session.send(HttpRequest.newBuilder(at(download)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aSubmissionRefusedShowsEveryViolationAtItsPlace() throws Exception {
        String draft = newDraft();
        Document page = page(draft);
        Map<String, String> fields = fields(page);
        fields.put("dienThoai", "12345");
        fields.put("resultDelivery", "BY_POST");
        fields.put("action", "review");
        assertThat(postMultipart(draft, fields, Map.of()).statusCode()).isEqualTo(302);

        HttpResponse<String> refused = postFormAsync(draft + "/submit", Map.of("_csrf", page.select("input[name=_csrf]").val())).get();
        assertThat(refused.statusCode()).isEqualTo(422);
        Document shown = Jsoup.parse(refused.body());
        assertThat(shown.getElementById(fileInput(page)).attr("aria-invalid")).as("the missing document").isEqualTo("true");
        assertThat(shown.getElementById("deliveryAddress").attr("aria-invalid")).isEqualTo("true");
        assertThat(shown.getElementById("ef-dienThoai").attr("aria-invalid")).as("the form field").isEqualTo("true");
        assertThat(shown.getElementById("error-summary").text()).contains(ID_CARD).contains("bưu chính");
        assertThat(shown.select("#eform-errors a[href]")).isNotEmpty();
    }

    @Test
    void aCitizenWithdrawsThroughThePageAfterConfirming() throws Exception {
        String code = submitOnline(token, "withdraw-page-" + UUID.randomUUID());
        String path = "/my/dossiers/" + code;
        Document page = Jsoup.parse(send(session, path).body());
        String csrf = page.select("form[action$=/withdraw] input[name=_csrf]").val();

        HttpResponse<String> unconfirmed = postFormAsync(path + "/withdraw", Map.of("_csrf", csrf, "reason", "Nộp nhầm thủ tục")).get();
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(unconfirmed.body()).getElementById("withdraw-confirm").attr("aria-invalid")).isEqualTo("true");
        assertThat(get("/api/v1/dossiers/" + code + "/status").body()).contains("SUBMITTED");

        HttpResponse<String> withdrawn = postFormAsync(path + "/withdraw", Map.of("_csrf", csrf, "reason", "Nộp nhầm thủ tục", "confirm", "true")).get();
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        Document after = Jsoup.parse(send(session, path).body());
        assertThat(after.getElementById("dossier-status").text()).isEqualTo("Đã rút hồ sơ");
        assertThat(after.select("#timeline").text()).contains("Nộp nhầm thủ tục");
        assertThat(after.select("form[action$=/withdraw]")).isEmpty();
    }

    @Test
    void aCitizenCompletesADossierSentBackForSupplements() throws Exception {
        String code = submitOnline(token, "supplement-page-" + UUID.randomUUID());
        HttpResponse<String> sentBack = as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/supplement-request", "application/json",
                json.writeValueAsString(Map.of("missing", List.of(Map.of("what", ID_CARD, "why", "Ảnh chụp mờ, không đọc được số")))));
        assertThat(sentBack.statusCode()).as(sentBack.body()).isEqualTo(204);
        String path = "/my/dossiers/" + code;
        Document page = Jsoup.parse(send(session, path).body());
        assertThat(page.text()).contains("Ảnh chụp mờ, không đọc được số");
        Element form = page.select("form[action$=/supplement]").first();
        String input = form.select("input[type=file]").attr("name");

        HttpResponse<String> bad = postMultipart(path + "/supplement", Map.of("_csrf", form.select("input[name=_csrf]").val()),
                Map.of(input, new FilePart("cccd.pdf", "application/pdf", PNG)));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.body()).getElementById(input).attr("aria-invalid")).isEqualTo("true");

        HttpResponse<String> done = postMultipart(path + "/supplement", Map.of("_csrf", form.select("input[name=_csrf]").val()),
                Map.of(input, new FilePart("cccd-ro.pdf", "application/pdf", pdf("CCCD rõ nét " + code, 2500))));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(get("/api/v1/dossiers/" + code + "/status").body()).contains("\"status\":\"SUBMITTED\"");
        Document after = Jsoup.parse(send(session, path).body());
        assertThat(after.select("#documents").text()).contains("cccd-ro.pdf");
        assertThat(after.select("#timeline").text()).contains("Bổ sung hồ sơ");
        assertThat(after.select("#papers").text()).contains("Phiếu yêu cầu bổ sung");
    }

    @Test
    void aCitizenCompletesASupplementWithAPaperFromTheirPersonalStore() throws Exception {
        String code = submitOnline(token, "supplement-store-" + UUID.randomUUID());
        assertThat(as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/supplement-request", "application/json",
                json.writeValueAsString(Map.of("missing", List.of(Map.of("what", ID_CARD, "why", "Bản chụp đã hết hạn"))))).statusCode())
                .isEqualTo(204);
        UUID account = UUID.fromString(accountOf(newDraft()));
        String title = "CCCD còn hạn " + UUID.randomUUID();
        vn.gov.egov.attachment.PersonalDocument paper = transaction.execute(status -> personalDocuments.add(
                vn.gov.egov.attachment.DocumentOwner.citizen(account), title, vn.gov.egov.attachment.PersonalDocumentKind.UPLOADED,
                files.store(files.check(new vn.gov.egov.attachment.Upload(ID_CARD, "cccd-con-han.pdf", "application/pdf",
                        pdf("CCCD con han " + code, 2500))), new vn.gov.egov.attachment.Provenance("UPLOADED", null, account.toString())),
                null, null, null));
        String path = "/my/dossiers/" + code;
        Element form = Jsoup.parse(send(session, path).body()).select("form[action$=/supplement]").first();
        Element choice = form.select("select[name^=personal-]").first();
        assertThat(choice.select("option").eachText()).contains(title);

        HttpResponse<String> unknown = postMultipart(path + "/supplement", Map.of("_csrf", form.select("input[name=_csrf]").val(),
                choice.attr("name"), UUID.randomUUID().toString()), Map.of());
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(unknown.body()).text()).containsIgnoringCase("giấy tờ đã chọn không có trong kho dữ liệu điện tử của Ông/Bà");

        HttpResponse<String> done = postMultipart(path + "/supplement", Map.of("_csrf", form.select("input[name=_csrf]").val(),
                choice.attr("name"), paper.id().toString()), Map.of());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(get("/api/v1/dossiers/" + code + "/status").body()).contains("\"status\":\"SUBMITTED\"");
        assertThat(jdbc.sql("select count(*) from dossier_document d join dossier x on x.id = d.dossier_id where x.code = ? and d.sha256 = ?")
                .params(code, paper.sha256()).query(Integer.class).single()).as("the paper from the store is in the dossier").isEqualTo(1);
    }

    @Test
    void whenTheDeskQuestionsTheFormTheCitizenCorrectsItOnThePage() throws Exception {
        String code = submitOnline(token, "corrected-form-" + UUID.randomUUID());
        String formTitle = "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp";
        HttpResponse<String> sentBack = as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/supplement-request", "application/json",
                json.writeValueAsString(Map.of("missing", List.of(Map.of("what", formTitle, "why", "Mục đích sử dụng chưa rõ")))));
        assertThat(sentBack.statusCode()).as(sentBack.body()).isEqualTo(204);
        String path = "/my/dossiers/" + code;
        Document page = Jsoup.parse(send(session, path).body());
        assertThat(page.select("form[action$=/supplement] input[type=file]")).as("the form is corrected, not uploaded").isEmpty();
        assertThat(page.select("form[action$=/supplement] textarea[name=mucDichSuDung]").text()).isEqualTo("Bổ sung hồ sơ xin việc");

        Map<String, String> fields = fields(page);
        fields.put("mucDichSuDung", "Nộp hồ sơ xin việc tại Công ty Điện lực Lạng Sơn");
        HttpResponse<String> done = postMultipart(path + "/supplement", fields, Map.of());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        Document after = Jsoup.parse(send(session, path).body());
        assertThat(after.getElementById("dossier-status").text()).isEqualTo("Chờ tiếp nhận");
        assertThat(after.select("#dossier-form").text()).contains("Nộp hồ sơ xin việc tại Công ty Điện lực Lạng Sơn");
        assertThat(after.select("#timeline").text()).contains("sửa tờ khai");
    }

    @Test
    void thePublicLookUpShowsTheStatusAndNothingPersonal() throws Exception {
        String code = submitOnline(token, "lookup-" + UUID.randomUUID());
        HttpResponse<String> found = get("/tra-cuu-ho-so?ma=" + code);
        assertThat(found.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(found.body());
        assertThat(page.getElementById("ma").val()).isEqualTo(code);
        assertThat(page.select("#lookup-result").text()).contains("Chờ tiếp nhận").contains("Sở Tư pháp").contains("lý lịch tư pháp");
        assertThat(found.body()).doesNotContain(CITIZEN).doesNotContain("Nguyễn Văn An").doesNotContain("0912999001")
                .doesNotContain("020******001");

        HttpResponse<String> unknown = get("/tra-cuu-ho-so?ma=000.00.10.H20-200101-9999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.body()).getElementById("ma-error").text()).contains("Không tìm thấy hồ sơ");
        HttpResponse<String> malformed = get("/tra-cuu-ho-so?ma=ABC-123");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(malformed.body()).getElementById("ma-error").text()).contains("không đúng dạng");
        assertThat(get("/tra-cuu-ho-so/000.00.10.H20-200101-9999/qr.png").statusCode()).isEqualTo(404);
        assertThat(get("/tra-cuu-ho-so").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherCitizenGetsNotFoundForSomeoneElsesDraftAndDossier() throws Exception {
        String draft = completeDraft("other");
        String code = submitOnline(token, "other-" + UUID.randomUUID());
        HttpClient other = citizenSession(OTHER_CITIZEN);
        assertThat(send(other, draft).statusCode()).isEqualTo(404);
        assertThat(send(other, draft + "/review").statusCode()).isEqualTo(404);
        assertThat(send(other, "/my/dossiers/" + code).statusCode()).isEqualTo(404);
        String sha = jdbc.sql("select d.sha256 from dossier_document d join dossier x on x.id = d.dossier_id where x.code = ?")
                .param(code).query(String.class).list().get(0);
        assertThat(send(other, "/my/dossiers/" + code + "/files/" + sha).statusCode()).isEqualTo(404);
        String csrf = Jsoup.parse(send(other, "/my/dossiers/drafts").body()).select("input[name=_csrf]").val();
        assertThat(csrf).as("a form on the other citizen's page").isNotBlank();
        assertThat(send(other, "/my/dossiers/drafts/" + draftId(draft) + "/submit", Map.of("_csrf", csrf)).statusCode()).isEqualTo(404);
        assertThat(send(other, "/my/dossiers/drafts/" + draftId(draft) + "/delete", Map.of("_csrf", csrf)).statusCode()).isEqualTo(404);
        assertThat(send(other, "/my/dossiers/" + code + "/withdraw", Map.of("_csrf", csrf, "confirm", "true")).statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(send(other, "/my/dossiers").body()).text()).doesNotContain(code);
        assertThat(get("/api/v1/dossiers/" + code + "/status").body()).as("still the owner's, untouched").contains("SUBMITTED");
        assertThat(page(draft).getElementById("ef-hoTen").val()).isEqualTo("Nguyễn Văn An");

        HttpResponse<String> anonymous = get("/my/dossiers");
        assertThat(anonymous.statusCode()).isEqualTo(302);
    }

    // ---- a browser without JavaScript

    /** Opens a new draft for 1.000001 from the procedure page's button; returns the draft page's path. */
    private String newDraft() throws Exception {
        Document procedure = Jsoup.parse(get("/procedures/" + PROCEDURE).body());
        String button = procedure.getElementById("submit-online").attr("href");
        assertThat(button).isEqualTo("/my/dossiers/new?procedure=" + PROCEDURE);
        HttpResponse<String> created = send(session, button);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/my/dossiers/drafts/[0-9a-f-]{36}");
        return location.substring(location.indexOf("/my/"));
    }

    /** A draft with everything a valid dossier needs, saved. */
    private String completeDraft(String marker) throws Exception {
        String draft = newDraft();
        Document page = page(draft);
        Map<String, String> fields = fields(page);
        fields.put("mucDichSuDung", "Bổ sung hồ sơ xin việc");
        fields.put("loaiPhieu", "1");
        fields.put("soLuongPhieu", "1");
        fields.put("action", "review");
        HttpResponse<String> saved = postMultipart(draft, fields, Map.of(fileInput(page), new FilePart("cccd.pdf", "application/pdf",
                pdf("CCCD " + marker + " " + UUID.randomUUID(), 3000))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(draft + "/review");
        return draft;
    }

    private Document page(String draft) throws Exception {
        HttpResponse<String> response = send(session, draft);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** The file input of the identity card among the required documents. */
    private static String fileInput(Document page) {
        for (Element fieldset : page.select("fieldset[id^=doc-]")) {
            if (fieldset.select("legend").text().contains(ID_CARD)) {
                return fieldset.select("input[type=file]").attr("name");
            }
        }
        throw new AssertionError("no upload for " + ID_CARD);
    }

    /** What a browser sends of the draft form as it stands: inputs, checked choices, selected options, text areas. */
    private static Map<String, String> fields(Document page) {
        Element form = page.select("form[enctype=multipart/form-data]").first();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element e : form.select("input, select, textarea")) {
            String name = e.attr("name");
            String type = e.attr("type");
            if (name.isEmpty() || type.equals("file") || type.equals("submit") || !e.parents().select("template").isEmpty()) {
                continue;
            }
            if (type.equals("radio") || type.equals("checkbox")) {
                if (e.hasAttr("checked")) {
                    fields.put(name, e.val());
                }
            } else if (e.tagName().equals("select")) {
                Element selected = e.selectFirst("option[selected]");
                fields.put(name, selected == null ? "" : selected.val());
            } else if (e.tagName().equals("textarea")) {
                fields.put(name, e.text());
            } else {
                fields.put(name, e.val());
            }
        }
        return fields;
    }

    private record FilePart(String fileName, String mediaType, byte[] content) {
    }

    private HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, FilePart> files) throws Exception {
        String boundary = "----egov-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, FilePart> file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
                    + file.getValue().fileName() + "\"\r\nContent-Type: " + file.getValue().mediaType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue().content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.send(HttpRequest.newBuilder(at(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private CompletableFuture<HttpResponse<String>> postFormAsync(String path, Map<String, String> fields) {
        return session.sendAsync(HttpRequest.newBuilder(at(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(at(path)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpClient browser, String path, Map<String, String> fields) throws Exception {
        return browser.send(HttpRequest.newBuilder(at(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The session cookies are those of 127.0.0.1, where the citizen logged in. */
    private java.net.URI at(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    private static String draftId(String draftPath) {
        Matcher id = Pattern.compile("/drafts/([0-9a-f-]{36})").matcher(draftPath);
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private String accountOf(String draftPath) {
        return jdbc.sql("select account::text from dossier_draft where id = ?").param(UUID.fromString(draftId(draftPath)))
                .query(String.class).single();
    }

    private static String bodyOf(CompletableFuture<HttpResponse<String>> response) {
        try {
            return response.get().statusCode() + " " + response.get().body();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
