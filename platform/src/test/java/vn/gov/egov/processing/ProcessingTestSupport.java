package vn.gov.egov.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.eform.DemonstrationFormsForTests;
import vn.gov.egov.eform.ProcedureForms;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;

/**
 * Dossiers in processing for the tests: procedure 1.000012 (practising certificate, Department of Construction SO-XD,
 * 20 working days; the test profile processes SO-XD's dossiers only), with the route the routes module generates for
 * it (desk, specialist, division head, leader, clerk, desk), and one official per role of SO-XD.
 */
abstract class ProcessingTestSupport extends PlatformTest {

    static final String PROCEDURE = "1.000012";
    static final String AGENCY = "SO-XD";
    static final String CITIZEN = "020085999001";
    static final String DESK = "xl-motcua";
    static final String SPECIALIST = "xl-chuyenvien";
    static final String OTHER_SPECIALIST = "xl-chuyenvien2";
    static final String HEAD = "xl-truongphong";
    static final String LEADER = "xl-lanhdao";
    static final String CLERK = "xl-vanthu";
    static final String LEADER_TITLE = "Phó Giám đốc";
    /** A specialist of another agency. */
    static final String OUTSIDER = "xl-chuyenvien-stp";
    private static final String PASSWORD = "Xu-Ly#Ho-So-2025";

    private static volatile boolean ready;
    private static volatile String citizenToken;
    /** Access tokens live 10 minutes and the suite runs longer: a fresh one after 5. */
    private static volatile long citizenTokenAt;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestOfficials testOfficials;

    @Autowired
    ProcedureForms forms;

    @Autowired
    DossierReception reception;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void processingPrerequisites() throws Exception {
        if (!ready) {
            synchronized (ProcessingTestSupport.class) {
                if (!ready) {
                    HttpResponse<String> sync = asAdmin("POST", "/api/v1/procedures/sync?full=true", null, null);
                    assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
                    // the real form of 1.000012, which form() fills: loaded like the demonstration forms (any test class
                    // may be the first to load them); should the form in force be another, the real one becomes the next version
                    DemonstrationFormsForTests.load(forms, json);
                    try (InputStream in = new ClassPathResource("eform/demo/" + PROCEDURE + ".json").getInputStream()) {
                        JsonNode schema = json.readTree(in);
                        if (!forms.current(PROCEDURE).map(f -> f.schema().equals(schema)).orElse(false)) {
                            forms.publish(PROCEDURE, LocalDate.of(2024, 1, 1), schema, "test");
                        }
                    }
                    ready = true;
                }
            }
        }
        official(DESK, "Nông Thị Một Cửa", Role.ONE_STOP_OFFICER, AGENCY);
        official(SPECIALIST, "Hoàng Văn Thẩm", Role.SPECIALIST, AGENCY);
        official(OTHER_SPECIALIST, "Lý Thị Định", Role.SPECIALIST, AGENCY);
        official(HEAD, "Vi Văn Trưởng", Role.DIVISION_HEAD, AGENCY);
        // a deputy director: results are signed "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" (NĐ 30/2020)
        knowOfficial(testOfficials.ensure(LEADER, PASSWORD, "Hà Thị Duyệt", new Position(Role.AGENCY_LEADER, AGENCY, null, LEADER_TITLE)));
        official(CLERK, "Lộc Văn Thư", Role.CLERK, AGENCY);
        official(OUTSIDER, "Đinh Văn Ngoài", Role.SPECIALIST, "SO-TP");
    }

    private void official(String username, String name, Role role, String agency) {
        knowOfficial(testOfficials.ensure(username, PASSWORD, name, new Position(role, agency, null)));
    }

    String citizen() throws Exception {
        if (citizenToken == null || System.nanoTime() - citizenTokenAt > java.util.concurrent.TimeUnit.MINUTES.toNanos(5)) {
            citizenToken = citizenToken(CITIZEN);
            citizenTokenAt = System.nanoTime();
        }
        return citizenToken;
    }

    /** Submits online and accepts at the desk; waits for processing to start. Returns the dossier code. */
    String receivedDossier(String marker) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("form", form());
        body.put("documents", List.of(document("Văn bằng đào tạo chuyên môn", "van-bang.pdf", pdf("Van bang " + marker)),
                document("Ảnh màu cỡ 4x6", "anh.pdf", pdf("Anh " + marker))));
        body.put("resultDelivery", "ONLINE");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers"))
                .header("Authorization", "Bearer " + citizen()).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String code = json.readTree(response.body()).get("code").asString();
        reception.accept(DESK, code);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("select count(*) from processing_step s join processing_dossier d on d.dossier_id = s.dossier_id where d.dossier_code = ?")
                        .param(code).query(Integer.class).single() > 0);
        return code;
    }

    UUID dossierId(String code) {
        return jdbc.sql("select id from dossier where code = ?").param(code).query(UUID.class).single();
    }

    /** The dossier's open step (there is one on these routes). */
    JsonNode openStep(String username, String code) throws Exception {
        JsonNode steps = api(username, "GET", "/api/v1/processing/dossiers/" + code, null, 200).get("steps");
        for (JsonNode s : steps) {
            if (s.get("completedAt") == null || s.get("completedAt").isNull()) {
                return s;
            }
        }
        throw new AssertionError("no open step on " + code + ": " + steps);
    }

    JsonNode api(String username, String method, String path, Object body, int expectedStatus) throws Exception {
        HttpResponse<String> r = call(username, method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + " as " + username + ": " + r.body()).isEqualTo(expectedStatus);
        return r.body().isBlank() ? null : json.readTree(r.body());
    }

    HttpResponse<String> call(String username, String method, String path, Object body) throws Exception {
        return as(username, method, path, body == null ? null : "application/json", body == null ? null : json.writeValueAsString(body));
    }

    /** The test citizen's filled application for a practising certificate (eform/demo/1.000012.json). */
    static Map<String, Object> form() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("hoTen", "Nguyễn Văn An");
        form.put("soDinhDanh", CITIZEN);
        form.put("ngaySinh", "1985-03-12");
        form.put("noiThuongTru", "Số 12 đường Lê Lợi, Phường Đông Kinh, Tỉnh Lạng Sơn");
        form.put("dienThoai", "0912999001");
        form.put("donViCongTac", "Công ty Cổ phần Tư vấn Xây dựng Xứ Lạng");
        form.put("trinhDoChuyenMon", "Kỹ sư xây dựng dân dụng và công nghiệp, hệ chính quy");
        form.put("soNamKinhNghiem", 6);
        form.put("linhVucHanhNghe", "GIAM_SAT");
        form.put("hang", "III");
        form.put("hinhThucCap", "CAP_LAN_DAU");
        return form;
    }

    static Map<String, Object> document(String required, String fileName, byte[] content) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("requiredDocument", required);
        document.put("fileName", fileName);
        document.put("mediaType", "application/pdf");
        document.put("content", Base64.getEncoder().encodeToString(content));
        return document;
    }

    static byte[] pdf(String text) {
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
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
