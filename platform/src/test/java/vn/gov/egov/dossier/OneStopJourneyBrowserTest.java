package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.Chromium;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.eform.DemonstrationFormsForTests;
import vn.gov.egov.eform.ProcedureForms;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;

/**
 * The "done when", in Chromium: one dossier of a fee-paying inter-agency procedure (construction permit,
 * 1.000009: a ward's one-stop desk receives and returns, the Department of Construction decides by the decision
 * table on the dossier's area) through payment, assignment, a return for rework, a supplement request with the clock
 * stopped, approval with the signed result, online return and rating; the statistics count it in the right columns;
 * its verification page validates the signature; a second dossier gets the apology letter and counts as late.
 */
class OneStopJourneyBrowserTest extends BrowserJourneySupport {

    static final String PERMIT = "1.000009";
    static final String WARD = "UBND-05983";
    static final String WARD_DESK = "lt-motcua-05983";
    static final String SPECIALIST = "lt-chuyenvien-xd";
    static final String HEAD = "lt-truongphong-xd";
    static final String LEADER = "lt-lanhdao-xd";

    private static boolean routePublished;

    @Autowired
    DossierProgress progress;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcedureForms procedureForms;



    @BeforeEach
    void interAgencyRoute() throws Exception {
        knowOfficial(testOfficials.ensure(WARD_DESK, "Mot-Cua#Phuong-2025", "Hoàng Thị Phường", new Position(Role.ONE_STOP_OFFICER, WARD, null)));
        knowOfficial(testOfficials.ensure(SPECIALIST, "Chuyen-Vien#Xay-Dung-2025", "Lương Văn Thẩm", new Position(Role.SPECIALIST, "SO-XD", null)));
        knowOfficial(testOfficials.ensure(HEAD, "Truong-Phong#Xay-Dung-2025", "Vi Thị Trưởng", new Position(Role.DIVISION_HEAD, "SO-XD", null)));
        knowOfficial(testOfficials.ensure(LEADER, "Lanh-Dao#Xay-Dung-2025", "Nông Văn Giám", new Position(Role.AGENCY_LEADER, "SO-XD", null)));
        if (routePublished) {
            return;
        }
        // 1.000009 has a demonstration form, which a submission must fill: loaded whichever test class runs first
        DemonstrationFormsForTests.load(procedureForms, json);
        if (!asAdmin("GET", "/api/v1/routes/decisions", null, null).body().contains("co-quan-quyet-dinh")) {
            try (InputStream in = getClass().getResourceAsStream("/route/demo/co-quan-quyet-dinh.dmn")) {
                HttpResponse<String> uploaded = asAdmin("POST", "/api/v1/routes/decisions", "application/xml",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            }
        }
        HttpResponse<String> template = asAdmin("GET", "/api/v1/routes/templates?procedureCode=" + PERMIT + "&agencyCode=" + WARD
                + "&kind=inter-agency", null, null);
        assertThat(template.statusCode()).as(template.body()).isEqualTo(200);
        HttpResponse<String> saved = asAdmin("POST", "/api/v1/routes", "application/json", template.body());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        HttpResponse<String> published = asAdmin("POST", "/api/v1/routes/versions/" + json.readTree(saved.body()).get("id").asString()
                + "/publish", null, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        routePublished = true;
    }

    @Test
    void aFeePayingInterAgencyDossierGoesThroughEveryStepAndALateOneGetsTheApology() throws Exception {
        String token = citizenToken(CITIZEN);
        String code = submitPermit(token, "journey");
        String late = submitPermit(token, "late");

        // the ward's one-stop desk receives both
        officerLogsIn(WARD_DESK);
        for (String c : List.of(code, late)) {
            browser.get(url("/reception/dossiers/" + c));
            browser.findElement(By.id("accept")).click();
            waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("appointment-date")));
        }
        UUID id = idOf(code);
        Instant dueAtReception = progress.clock(id).orElseThrow().dueAt();
        // processing starts on its own; the desk passes the dossier on from its unit's queue
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.get(url("/processing"));
            return !browser.findElements(By.cssSelector("#unit tr[data-code='" + code + "'] button")).isEmpty();
        });
        browser.findElement(By.cssSelector("#unit tr[data-code='" + code + "'] button")).click();
        decide("FORWARD", Map.of("comment", "Hồ sơ đủ thành phần, chuyển Sở Xây dựng thẩm định"));
        assertThat(browser.findElement(By.id("steps")).getText()).contains("Sở Xây dựng");

        // the apology for the second dossier: it will be late
        browser.get(url("/processing/dossiers/" + late));
        LocalDate newAppointment = calendar.addWorkingDays(progress.clock(idOf(late)).orElseThrow().appointmentDate(), 3);
        browser.findElement(By.id("reschedule-reason")).sendKeys("Chờ ý kiến thẩm định của cơ quan phối hợp");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('new-appointment').value = arguments[0]", newAppointment.toString());
        browser.findElement(By.id("reschedule")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(progress.clock(idOf(late)).orElseThrow().late()).isTrue();
        assertThat(progress.detail(late).orElseThrow().papers()).extracting(DossierPaper::kind).contains("APOLOGY");

        // the division head of the deciding agency (chosen by the decision table) assigns a specialist
        officerLogsIn(HEAD);
        browser.get(url("/processing"));
        browser.findElement(By.cssSelector("#unit tr[data-code='" + code + "'] a.assign-link")).click();
        org.openqa.selenium.support.ui.Select specialists = new org.openqa.selenium.support.ui.Select(
                waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("assignee"))));
        assertThat(specialists.getOptions()).as("the specialists of the step's group, by name").isNotEmpty()
                .allSatisfy(o -> assertThat(o.getText()).matches(".+ \\(.+\\)"));
        specialists.selectByValue(SPECIALIST);
        browser.findElement(By.id("assign")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));

        officerLogsIn(SPECIALIST);
        browser.get(url("/processing"));
        assertThat(browser.findElement(By.id("mine")).getText()).contains(code);
        browser.get(url("/processing/dossiers/" + code));
        decide("FORWARD", Map.of("comment", "Đủ điều kiện cấp phép"));

        // the head returns it for rework
        officerLogsIn(HEAD);
        browser.get(url("/processing/dossiers/" + code));
        claimIfOffered();
        decide("RETURN", Map.of("reason", "Đề nghị kiểm tra lại chỉ giới xây dựng"));

        // the specialist asks the citizen for a supplement: the clock stops
        officerLogsIn(SPECIALIST);
        browser.get(url("/processing/dossiers/" + code));
        decide("REQUEST_SUPPLEMENT", Map.of("what", "Bản vẽ mặt bằng có chỉ giới", "why", "Bản vẽ đã nộp thiếu chỉ giới đường đỏ"));
        assertThat(progress.detail(id).orElseThrow().summary().status()).isEqualTo(DossierStatus.AWAITING_SUPPLEMENT);
        Instant stoppedAt = progress.clock(id).orElseThrow().stoppedAt();
        assertThat(stoppedAt).isNotNull();

        // the citizen pays the fee through PayGov and completes the dossier
        citizenLogsIn();
        browser.get(url("/my/dossiers/" + code));
        browser.findElement(By.id("fees-pay")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("pay-paygov")));
        assertThat(browser.findElement(By.id("payment-amount")).getText()).isEqualTo("75.000 đồng");
        browser.findElement(By.id("pay-paygov")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("pay-success"))).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("payment-outcome")));
        assertThat(browser.findElement(By.id("payment-state")).getText()).isEqualTo("Đã thanh toán");

        browser.get(url("/my/dossiers/" + code));
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#supplement-heading ~ form input[type='file']")))
                .sendKeys(pdfFile("Ban ve mat bang co chi gioi").toString());
        browser.findElement(By.id("supplement")).click();
        waitFor(10).until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-status"), "bổ sung")));
        DossierProgress.Clock resumed = progress.clock(id).orElseThrow();
        assertThat(resumed.stoppedAt()).isNull();
        Instant supplementedAt = jdbc.sql("select max(at) from dossier_step where dossier_id = ? and action = 'SUPPLEMENTED'").param(id)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(resumed.dueAt()).as("the working time left when the clock stopped counts again from the completion")
                .isEqualTo(calendar.addWorkingTime(supplementedAt, calendar.workingTimeBetween(stoppedAt, dueAtReception).duration()).toInstant())
                .isAfterOrEqualTo(dueAtReception);

        // specialist, head, leader: approval signs the result
        officerLogsIn(SPECIALIST);
        browser.get(url("/processing/dossiers/" + code));
        decide("FORWARD", Map.of("comment", "Đã đối chiếu bản vẽ bổ sung"));
        officerLogsIn(HEAD);
        browser.get(url("/processing/dossiers/" + code));
        claimIfOffered();
        decide("FORWARD", Map.of());
        officerLogsIn(LEADER);
        browser.get(url("/processing/dossiers/" + code));
        claimIfOffered();
        decide("APPROVE", Map.of("resultTitle", "Giấy phép xây dựng nhà ở riêng lẻ"));

        // returned online at once (the citizen chose it); the route's return step closes by itself
        await().atMost(Duration.ofSeconds(20)).until(() -> progress.detail(id).orElseThrow().summary().status() == DossierStatus.RETURNED);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select ended_at is not null from processing_dossier where dossier_code = ?").param(code).query(Boolean.class).single());
        browser.get(url("/processing/dossiers/" + code));
        assertThat(browser.findElement(By.id("steps")).getText()).contains("Đề nghị kiểm tra lại chỉ giới xây dựng");

        // the citizen downloads the signed result, verifies it and rates the service
        citizenLogsIn();
        browser.get(url("/my/dossiers/" + code));
        assertThat(browser.findElement(By.id("result-download")).getDomAttribute("href")).endsWith("/my/dossiers/" + code + "/result");
        browser.findElement(By.id("rating-5")).click();
        browser.findElement(By.id("rating-comment")).sendKeys("Nhanh, cán bộ hướng dẫn tận tình");
        browser.findElement(By.id("rate")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("rating-given")));
        browser.findElement(By.id("result-verify")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("signature-status")));
        assertThat(browser.findElement(By.id("signature-status")).getText()).contains("Hợp lệ");
        assertThat(browser.findElement(By.id("dossier-code")).getText()).contains(code);
        Chromium.assertAccessible(browser, "/verify/{id} of the journey's result");
        browser.manage().deleteAllCookies();

        // the statistics count both dossiers of the ward in the right columns
        String today = LocalDate.now(WorkingCalendar.ZONE).toString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode ward = wardCounts(today);
            assertThat(ward.at("/received/total").asInt()).isEqualTo(2);
            assertThat(ward.at("/received/online").asInt()).isEqualTo(2);
            assertThat(ward.at("/resolved/total").asInt()).isEqualTo(1);
            assertThat(ward.at("/resolved/late").asInt()).isZero();
            assertThat(ward.at("/returned").asInt()).isEqualTo(1);
            assertThat(ward.at("/inProgress/overdue").asInt()).as("the apology counts as late").isEqualTo(1);
            assertThat(ward.at("/supplementRequests").asInt()).isEqualTo(1);
            assertThat(ward.at("/decision766/ratings").asInt()).isEqualTo(1);
            assertThat(ward.at("/decision766/onlinePaymentRate").asDouble()).isEqualTo(50.0);
            assertThat(ward.at("/lateRate").asDouble()).isEqualTo(50.0);
        });
    }

    private JsonNode wardCounts(String day) throws Exception {
        HttpResponse<String> report = get("/api/v1/statistics/dossiers?from=" + day + "&to=" + day + "&groupBy=agency");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        for (JsonNode group : json.readTree(report.body()).get("groups")) {
            if (group.get("code").asString().equals(WARD)) {
                return group.get("counts");
            }
        }
        throw new AssertionError("no statistics for " + WARD + ": " + report.body());
    }

    private String submitPermit(String token, String marker) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", PERMIT);
        body.put("agencyCode", WARD);
        body.put("form", permitApplication());
        body.put("documents", List.of(
                DossierFixtures.document("Giấy tờ hợp pháp về đất đai", "so-do.pdf", "application/pdf", pdf("So do " + marker + UUID.randomUUID(), 2000)),
                DossierFixtures.document("Bản vẽ thiết kế xây dựng", "ban-ve.pdf", "application/pdf", pdf("Ban ve " + marker + UUID.randomUUID(), 2000))));
        body.put("resultDelivery", "ONLINE");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("code").asString();
    }

    /** The test citizen's application for a construction permit for a house (eform/demo/1.000009.json). */
    private static Map<String, Object> permitApplication() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("chuDauTu", "Nguyễn Văn An");
        form.put("soDinhDanh", CITIZEN);
        form.put("dienThoai", "0912999001");
        form.put("diaChiLienHe", "Số 12 đường Lê Lợi, Phường Đông Kinh, Tỉnh Lạng Sơn");
        form.put("soThuaDat", "125");
        form.put("soToBanDo", "18");
        form.put("dienTichLoDat", 96.5);
        form.put("diaChiXayDung", "Số 45 đường Bà Triệu, Phường Đông Kinh, Tỉnh Lạng Sơn");
        form.put("dienTichXayDung", 80);
        form.put("tongDienTichSan", 240);
        form.put("chieuCao", 11.7);
        form.put("soTang", 3);
        form.put("thoiGianHoanThanh", 8);
        return form;
    }

    private UUID idOf(String code) {
        return progress.detail(code).orElseThrow().summary().id();
    }

    /** Chooses a decision on the open step's form, fills the given fields, sends it and waits for the confirmation. */
    private void decide(String decision, Map<String, String> fields) {
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("decision-" + decision))).click();
        fields.forEach((field, value) -> {
            WebElement input = browser.findElement(By.id(field));
            input.clear();
            input.sendKeys(value);
        });
        Chromium.submit(browser, browser.findElement(By.id("decide")));
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
    }

    private void claimIfOffered() {
        List<WebElement> claim = browser.findElements(By.id("claim"));
        if (!claim.isEmpty()) {
            Chromium.submit(browser, claim.get(0));
            waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        }
    }
}
