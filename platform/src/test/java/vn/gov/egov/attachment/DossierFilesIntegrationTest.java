package vn.gov.egov.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.PlatformTest;

/** The central repository and the personal document store in the running platform, with the citizen's pages and API. */
class DossierFilesIntegrationTest extends PlatformTest {

    @Autowired
    DossierFiles files;

    @Autowired
    PersonalDocumentStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    private long contentRows(String sha256) {
        return jdbc.sql("SELECT count(*) FROM attachment_content WHERE sha256 = ?").param(sha256).query(Long.class).single();
    }

    private long referenceRows(String sha256) {
        return jdbc.sql("SELECT count(*) FROM attachment_reference WHERE sha256 = ?").param(sha256).query(Long.class).single();
    }

    @Test
    void theSameContentTwiceIsStoredOnceWithTwoReferences() {
        byte[] pdf = TestFiles.pdf(2, "dedup-" + UUID.randomUUID());
        CheckedFile online = files.check(new Upload("Đơn đề nghị", "don.pdf", "application/pdf", pdf));
        CheckedFile atTheDesk = files.check(new Upload("Tờ khai", "scan-0001.pdf", "application/pdf", pdf));

        StoredFile first = transaction.execute(s -> files.store(online, new Provenance("ONLINE", "000.00.10.H20-261127-0001", "citizen-1")));
        StoredFile second = transaction.execute(s -> files.store(atTheDesk, new Provenance("IN_PERSON", "000.00.10.H20-261127-0002", "can-bo-1")));

        assertThat(second).isEqualTo(first);
        assertThat(first.sha256()).isEqualTo(online.sha256());
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.size()).isEqualTo(pdf.length);
        assertThat(contentRows(first.sha256())).isEqualTo(1);
        assertThat(referenceRows(first.sha256())).isEqualTo(2);
        assertThat(jdbc.sql("SELECT file_name || '|' || channel || '|' || dossier_code FROM attachment_reference WHERE sha256 = ? ORDER BY id")
                .param(first.sha256()).query(String.class).list())
                .containsExactly("don.pdf|ONLINE|000.00.10.H20-261127-0001", "scan-0001.pdf|IN_PERSON|000.00.10.H20-261127-0002");
        assertThat(files.content(first.sha256())).hasValue(pdf);
        assertThat(files.find(first.sha256().toUpperCase())).hasValue(first);
    }

    @Test
    void aRolledBackSubmissionLeavesNoFileBehind() {
        byte[] png = TestFiles.noise("png", 40, 40);
        CheckedFile file = files.check(new Upload("Ảnh", "anh.png", "image/png", png));

        transaction.executeWithoutResult(status -> {
            files.store(file, new Provenance("ONLINE", null, "citizen-2"));
            assertThat(files.find(file.sha256())).as("visible inside the transaction").isPresent();
            status.setRollbackOnly(); // e.g. the dossier was refused after its files were stored
        });

        assertThat(files.find(file.sha256())).isEmpty();
        assertThat(files.content(file.sha256())).isEmpty();
        assertThat(contentRows(file.sha256())).isZero();
        assertThat(referenceRows(file.sha256())).isZero();
    }

    @Test
    void aCheckedFileWhoseHashDoesNotMatchItsContentIsNotStored() {
        byte[] pdf = TestFiles.pdf(1, "forged-" + UUID.randomUUID());
        CheckedFile forged = new CheckedFile("0".repeat(64), MediaKind.PDF, "application/pdf", pdf.length, 1, "a.pdf", pdf);

        assertThatThrownBy(() -> files.store(forged, new Provenance("ONLINE", null, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(contentRows(FileChecks.sha256(pdf))).isZero();
    }

    @Test
    void contentIsStoredOutOfLineWithoutCompression() {
        assertThat(jdbc.sql("""
                SELECT a.attstorage::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                 WHERE c.relname = 'attachment_content' AND a.attname = 'content'""").query(String.class).single()).isEqualTo("e");
    }

    @Test
    void anOwnerSeesOnlyTheirDocumentsAndKeepsResults() {
        DocumentOwner anna = DocumentOwner.citizen(UUID.randomUUID());
        DocumentOwner binh = DocumentOwner.citizen(UUID.randomUUID());
        DocumentOwner business = DocumentOwner.business("4900123456");
        StoredFile file = transaction.execute(s -> files.store(
                files.check(new Upload(null, "gcn.pdf", "application/pdf", TestFiles.pdf(1, "owner-" + UUID.randomUUID()))),
                new Provenance("RESULT", "000.00.10.H20-261127-0003", "can-bo-1")));

        PersonalDocument result = store.add(anna, "Giấy chứng nhận đăng ký hộ kinh doanh", PersonalDocumentKind.RESULT, file,
                "000.00.10.H20-261127-0003", LocalDate.of(2026, 11, 27), LocalDate.of(2031, 11, 27));
        PersonalDocument upload = store.add(anna, "Bản sao sổ đỏ", PersonalDocumentKind.UPLOADED, file, null, null, null);
        store.add(business, "Giấy phép kinh doanh", PersonalDocumentKind.DIGITIZED, file, null, null, null);

        assertThat(store.documents(anna)).extracting(PersonalDocument::id).containsExactlyInAnyOrder(result.id(), upload.id());
        assertThat(store.documents(binh)).isEmpty();
        assertThat(store.documents(business)).extracting(PersonalDocument::title).containsExactly("Giấy phép kinh doanh");
        assertThat(store.find(binh, result.id())).isEmpty();
        assertThat(store.find(anna, result.id())).hasValueSatisfying(d -> {
            assertThat(d.owner()).isEqualTo(anna);
            assertThat(d.kind()).isEqualTo(PersonalDocumentKind.RESULT);
            assertThat(d.mediaType()).isEqualTo("application/pdf");
            assertThat(d.size()).isEqualTo(file.size());
            assertThat(d.sourceDossierCode()).isEqualTo("000.00.10.H20-261127-0003");
            assertThat(d.validUntil()).isEqualTo(LocalDate.of(2031, 11, 27));
        });

        store.remove(binh, upload.id());
        assertThat(store.find(anna, upload.id())).as("someone else cannot remove it").isPresent();
        assertThatThrownBy(() -> store.remove(anna, result.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Giấy chứng nhận đăng ký hộ kinh doanh").hasMessageContaining("chỉ giấy tờ tự tải lên");
        store.remove(anna, upload.id());
        assertThat(store.documents(anna)).extracting(PersonalDocument::id).containsExactly(result.id());
        assertThat(files.find(file.sha256())).as("the content stays for the dossier").isPresent();
    }

    @Test
    void aCitizenUploadsDownloadsAndRemovesOnTheirPagesAndNobodyElseSeesThem() throws Exception {
        List<String> people = testPersonalIds();
        HttpClient anna = citizenSession(people.get(0));
        HttpClient binh = citizenSession(people.get(1));
        String title = "Giấy khai sinh bản sao " + UUID.randomUUID().toString().substring(0, 8);
        byte[] pdf = TestFiles.pdf(1, title);

        HttpResponse<String> page = send(anna, HttpRequest.newBuilder(site("/my/documents")).build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kho giấy tờ của tôi", "enctype=\"multipart/form-data\"");

        HttpResponse<String> uploaded = upload(anna, page.body(), title, "khai-sinh.pdf", "application/pdf", pdf);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        HttpResponse<String> list = send(anna, HttpRequest.newBuilder(site("/my/documents")).build());
        assertThat(list.body()).contains(title, "Tự tải lên", "Đã thêm");
        Matcher link = Pattern.compile("href=\"(/my/documents/([0-9a-f-]{36})/content)\"[^>]*>" + Pattern.quote(title)).matcher(list.body());
        assertThat(link.find()).as(list.body()).isTrue();
        String id = link.group(2);
        assertThat(jdbc.sql("SELECT channel FROM attachment_reference WHERE sha256 = ?").param(FileChecks.sha256(pdf))
                .query(String.class).list()).containsExactly("PERSONAL");

        HttpResponse<byte[]> download = anna.send(HttpRequest.newBuilder(site(link.group(1))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20") + ".pdf");

        HttpResponse<byte[]> stolen = binh.send(HttpRequest.newBuilder(site(link.group(1))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stolen.statusCode()).isEqualTo(404);
        HttpResponse<String> binhsPage = send(binh, HttpRequest.newBuilder(site("/my/documents")).build());
        assertThat(binhsPage.body()).doesNotContain(title);
        HttpResponse<String> binhRemoves = postWithCsrf(binh, binhsPage.body(), "/my/documents/" + id + "/remove");
        assertThat(binhRemoves.statusCode()).isEqualTo(404);

        String annasToken = citizenToken(people.get(0));
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(site("/api/v1/my/documents"))
                .header("Authorization", "Bearer " + annasToken).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"title\":\"" + title + "\"", "\"kind\":\"UPLOADED\"", "\"id\":\"" + id + "\"");
        assertThat(get("/api/v1/my/documents").statusCode()).isEqualTo(401);
        assertThat(asAdmin("GET", "/api/v1/my/documents", null, null).statusCode()).isEqualTo(403);

        HttpResponse<String> removed = postWithCsrf(anna, list.body(), "/my/documents/" + id + "/remove");
        assertThat(removed.statusCode()).isEqualTo(302);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'personal-document' AND object_id = ? ORDER BY sequence_number")
                        .param(id).query(String.class).list()).as("the upload and the removal audited").containsExactly("CREATE", "DELETE"));
        assertThat(send(anna, HttpRequest.newBuilder(site("/my/documents")).build()).body()).doesNotContain("/my/documents/" + id + "/content");
    }

    @Test
    void aRefusedUploadShowsTheRuleAndTheFileOnThePage() throws Exception {
        HttpClient citizen = citizenSession(testPersonalIds().get(0));
        String page = send(citizen, HttpRequest.newBuilder(site("/my/documents")).build()).body();

        HttpResponse<String> pngAsPdf = upload(citizen, page, "Ảnh chụp", "chup.pdf", "application/pdf", TestFiles.image("png", 8, 8));
        assertThat(pngAsPdf.statusCode()).isEqualTo(200);
        assertThat(pngAsPdf.body()).contains("id=\"error-summary\"", "Tệp &quot;chup.pdf&quot;", "nội dung là PNG", "aria-invalid=\"true\"")
                .contains("value=\"Ảnh chụp\"");

        HttpResponse<String> tooLarge = upload(citizen, page, "Bản vẽ", "ban-ve.pdf", "application/pdf", new byte[21 * 1024 * 1024]);
        assertThat(tooLarge.statusCode()).isEqualTo(200);
        assertThat(tooLarge.body()).contains("Tệp &quot;ban-ve.pdf&quot;", "dung lượng 21,0 MB, vượt giới hạn 20,0 MB");

        HttpResponse<String> empty = upload(citizen, page, "", "trong.pdf", "application/pdf", new byte[0]);
        assertThat(empty.body()).contains("Tên giấy tờ: bắt buộc nhập.", "rỗng (0 byte)");
        assertThat(send(citizen, HttpRequest.newBuilder(site("/my/documents")).build()).body()).doesNotContain("Ảnh chụp</a>");
    }

    /** The citizen's browser session lives on 127.0.0.1 (where VNeID sent it back), so its cookies go there only. */
    private java.net.URI site(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    private List<String> testPersonalIds() throws Exception {
        Matcher ids = Pattern.compile("\"personalId\"\\s*:\\s*\"(\\d{12})\"").matcher(vneidTestIdentities());
        List<String> result = new ArrayList<>();
        while (ids.find()) {
            result.add(ids.group(1));
        }
        assertThat(result).hasSizeGreaterThanOrEqualTo(2);
        return result;
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrf(String page) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("CSRF token").isTrue();
        return csrf.group(1);
    }

    private HttpResponse<String> postWithCsrf(HttpClient browser, String page, String path) throws Exception {
        return send(browser, HttpRequest.newBuilder(site(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(page))).build());
    }

    private HttpResponse<String> upload(HttpClient browser, String page, String title, String fileName, String type, byte[] content)
            throws Exception {
        String boundary = "----egov" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"_csrf", csrf(page)}, {"title", title}, {"issuedOn", "2026-11-20"}, {"validUntil", ""}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(browser, HttpRequest.newBuilder(site("/my/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
