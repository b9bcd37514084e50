package vn.gov.egov.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.dossier.DossierOutcome;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStep;
import vn.gov.egov.result.Results;

/** A dossier through its route by the API: queues, claim, assignment, return, supplements with the clock stopped, approval. */
class ProcessingJourneyTest extends ProcessingTestSupport {

    @Autowired
    DossierProgress progress;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    OverdueSteps overdue;

    @Autowired
    Results results;

    @Test
    void aReceivedDossierGoesThroughEveryStepToItsReturn() throws Exception {
        String code = receivedDossier("journey");
        UUID id = dossierId(code);
        await().atMost(Duration.ofSeconds(10)).until(() -> progress.detail(id).orElseThrow().summary().status() == DossierStatus.IN_PROGRESS);

        // the desk's step waits in the one-stop unit's queue, due from the calendar
        JsonNode receive = inQueue(DESK, "unit", code);
        assertThat(receive.get("kind").asString()).isEqualTo("RECEIVE");
        assertThat(receive.get("candidateGroup").asString()).isEqualTo("ONE_STOP_OFFICER@SO-XD");
        Instant created = Instant.parse(receive.get("createdAt").asString());
        assertThat(Instant.parse(receive.get("dueAt").asString()))
                .isEqualTo(calendar.addWorkingTime(created, Duration.ofMinutes(receive.get("allowedMinutes").asInt())).toInstant());
        assertThat(receive.get("standing").asString()).as("half a day given: due soon").isEqualTo("DUE_SOON");
        assertThat(receive.get("timeLeft").asString()).startsWith("Sắp đến hạn: còn ");
        assertThat(queue(SPECIALIST, "unit")).noneMatch(t -> t.get("dossierCode").asString().equals(code));

        api(DESK, "POST", "/api/v1/processing/tasks/" + id(receive) + "/claim", null, 200);
        assertThat(queue(DESK, "mine")).anyMatch(t -> t.get("dossierCode").asString().equals(code));
        api(DESK, "POST", "/api/v1/processing/tasks/" + id(receive) + "/decision", Map.of("decision", "FORWARD", "comment", "Hồ sơ đủ"), 200);

        // the division head gives the appraisal to a specialist
        JsonNode appraise = inQueue(SPECIALIST, "unit", code);
        assertThat(appraise.get("kind").asString()).isEqualTo("APPRAISE");
        assertThat(appraise.get("standing").asString()).as("eleven working days given").isEqualTo("ON_TIME");
        assertThat(appraise.get("timeLeft").asString()).startsWith("Trong hạn: còn ").contains("ngày");
        HttpResponse<String> notHead = call(SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(appraise) + "/assignment",
                Map.of("assignee", SPECIALIST));
        assertThat(notHead.statusCode()).isEqualTo(403);
        HttpResponse<String> notSpecialist = call(HEAD, "POST", "/api/v1/processing/tasks/" + id(appraise) + "/assignment",
                Map.of("assignee", OUTSIDER));
        assertThat(notSpecialist.statusCode()).as(notSpecialist.body()).isEqualTo(422);
        api(HEAD, "POST", "/api/v1/processing/tasks/" + id(appraise) + "/assignment", Map.of("assignee", SPECIALIST), 200);
        assertThat(queue(SPECIALIST, "mine")).anyMatch(t -> t.get("id").asString().equals(id(appraise)));

        // someone else's task: 403 naming the task and the rule; a decision the step does not allow: 422
        HttpResponse<String> foreign = call(OTHER_SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(appraise) + "/decision",
                Map.of("decision", "FORWARD"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).contains("application/problem+json"));
        JsonNode problem = json.readTree(foreign.body());
        assertThat(problem.get("rule").asString()).isEqualTo("not-holder");
        assertThat(problem.get("detail").asString()).contains("Thụ lý, thẩm định hồ sơ").contains(code).contains("Hoàng Văn Thẩm");
        HttpResponse<String> wrong = call(SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(appraise) + "/decision",
                Map.of("decision", "APPROVE", "resultTitle", "Chứng chỉ"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(json.readTree(wrong.body()).get("detail").asString()).contains("APPROVE").contains("FORWARD");

        api(SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(appraise) + "/decision", Map.of("decision", "FORWARD"), 200);

        // the head returns it to the previous step with a reason: back to the same specialist
        JsonNode review = inQueue(HEAD, "unit", code);
        assertThat(review.get("kind").asString()).isEqualTo("REVIEW");
        api(HEAD, "POST", "/api/v1/processing/tasks/" + id(review) + "/claim", null, 200);
        HttpResponse<String> noReason = call(HEAD, "POST", "/api/v1/processing/tasks/" + id(review) + "/decision", Map.of("decision", "RETURN"));
        assertThat(noReason.statusCode()).isEqualTo(422);
        api(HEAD, "POST", "/api/v1/processing/tasks/" + id(review) + "/decision",
                Map.of("decision", "RETURN", "reason", "Thiếu đánh giá kinh nghiệm công tác"), 200);
        JsonNode again = openStep(SPECIALIST, code);
        assertThat(again.get("kind").asString()).isEqualTo("APPRAISE");
        assertThat(again.get("assignee").asString()).as("given back to who did it").isEqualTo(SPECIALIST);
        JsonNode returned = step(SPECIALIST, code, id(review));
        assertThat(returned.get("decision").asString()).isEqualTo("RETURN");
        assertThat(returned.get("comment").asString()).contains("Thiếu đánh giá kinh nghiệm công tác");

        // supplements: the dossier waits, the step's clock stops; completion moves the step's due time
        HttpResponse<String> noMissing = call(SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(again) + "/decision",
                Map.of("decision", "REQUEST_SUPPLEMENT"));
        assertThat(noMissing.statusCode()).isEqualTo(422);
        api(SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(again) + "/decision", Map.of("decision", "REQUEST_SUPPLEMENT",
                "missing", List.of(Map.of("what", "Bản sao văn bằng đại học", "why", "Bản đã nộp mờ, không đọc được"))), 200);
        assertThat(progress.detail(id).orElseThrow().summary().status()).isEqualTo(DossierStatus.AWAITING_SUPPLEMENT);
        assertThat(progress.clock(id).orElseThrow().stoppedAt()).isNotNull();
        JsonNode waiting = openStep(SPECIALIST, code);
        assertThat(waiting.get("waiting").asBoolean()).isTrue();
        assertThat(waiting.get("timeLeft").asString()).isEqualTo("Tạm dừng, chờ bổ sung");
        assertThat(waiting.get("standing").asString()).isEqualTo("WAITING");
        HttpResponse<String> whileWaiting = call(SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(again) + "/decision",
                Map.of("decision", "FORWARD"));
        assertThat(whileWaiting.statusCode()).isEqualTo(409);
        // as if the request had gone out on Monday 23 November 2026 at 08:00
        Instant since = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, WorkingCalendar.ZONE).toInstant();
        jdbc.sql("update processing_step set waiting_since = ? where id = ?").params(java.sql.Timestamp.from(since), UUID.fromString(id(again))).update();
        Instant dueBefore = Instant.parse(waiting.get("dueAt").asString());

        HttpResponse<String> completed = http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers/" + code + "/supplement"))
                .header("Authorization", "Bearer " + citizen()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("documents",
                        List.of(document(null, "van-bang-dai-hoc.pdf", pdf("Van bang dai hoc " + code))))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> !openStep(SPECIALIST, code).get("waiting").asBoolean());
        Instant supplementedAt = progress.detail(id).orElseThrow().steps().stream().filter(s -> s.action().equals("SUPPLEMENTED"))
                .map(DossierStep::at).reduce((a, b) -> b).orElseThrow();
        Duration stopped = calendar.workingTimeBetween(since, supplementedAt).duration();
        assertThat(stopped).isGreaterThanOrEqualTo(calendar.workingDayLength());
        JsonNode resumed = openStep(SPECIALIST, code);
        assertThat(Instant.parse(resumed.get("dueAt").asString())).isEqualTo(calendar.addWorkingTime(dueBefore, stopped).toInstant());
        assertThat(progress.detail(id).orElseThrow().summary().status()).isEqualTo(DossierStatus.IN_PROGRESS);

        // comments and working papers on the dossier
        api(SPECIALIST, "POST", "/api/v1/processing/dossiers/" + code + "/comments", Map.of("text", "Đã đối chiếu văn bằng bổ sung"), 204);
        api(SPECIALIST, "POST", "/api/v1/processing/dossiers/" + code + "/papers", Map.of("fileName", "to-trinh.pdf", "mediaType",
                "application/pdf", "content", java.util.Base64.getEncoder().encodeToString(pdf("To trinh " + code))), 200);
        api(SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(again) + "/decision", Map.of("decision", "FORWARD"), 200);

        // the head (who returned it) has the review again; the leader approves
        JsonNode review2 = openStep(HEAD, code);
        assertThat(review2.get("assignee").asString()).isEqualTo(HEAD);
        api(HEAD, "POST", "/api/v1/processing/tasks/" + id(review2) + "/decision", Map.of("decision", "FORWARD"), 200);
        JsonNode approve = inQueue(LEADER, "unit", code);
        assertThat(approve.get("kind").asString()).isEqualTo("APPROVE");
        api(LEADER, "POST", "/api/v1/processing/tasks/" + id(approve) + "/claim", null, 200);
        assertThat(call(LEADER, "POST", "/api/v1/processing/tasks/" + id(approve) + "/decision", Map.of("decision", "APPROVE")).statusCode())
                .as("approval names the result").isEqualTo(422);
        assertThat(progress.detail(id).orElseThrow().summary().status()).as("nothing half-applied").isEqualTo(DossierStatus.IN_PROGRESS);
        api(LEADER, "POST", "/api/v1/processing/tasks/" + id(approve) + "/decision",
                Map.of("decision", "APPROVE", "resultTitle", "Chứng chỉ hành nghề hoạt động xây dựng hạng II"), 200);
        assertThat(progress.detail(id).orElseThrow().summary().status()).as("resolved, and returned online right after")
                .isIn(DossierStatus.RESOLVED, DossierStatus.RETURNED);
        assertThat(progress.clock(id).orElseThrow().outcome()).isEqualTo(DossierOutcome.APPROVED);
        // the signed result is issued with the resolution and verifiable
        UUID resultId = jdbc.sql("select result_id from dossier where id = ?").param(id).query(UUID.class).single();
        assertThat(resultId).isNotNull();
        assertThat(get("/verify/" + resultId).body()).contains(code);
        // signed by a deputy director on the director's behalf, with the title recorded on the leader's position
        String result;
        try (var document = Loader.loadPDF(results.content(resultId).orElseThrow())) {
            result = new PDFTextStripper().getText(document);
        }
        assertThat(result).contains("KT. GIÁM ĐỐC").contains("PHÓ GIÁM ĐỐC").contains("Hà Thị Duyệt").doesNotContain("LÃNH ĐẠO CƠ QUAN");
        // the citizen asked for the result online: the system returns it at once
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                progress.detail(id).orElseThrow().summary().status() == DossierStatus.RETURNED);

        JsonNode issue = inQueue(CLERK, "unit", code);
        assertThat(issue.get("kind").asString()).isEqualTo("ISSUE");
        api(CLERK, "POST", "/api/v1/processing/tasks/" + id(issue) + "/claim", null, 200);
        api(CLERK, "POST", "/api/v1/processing/tasks/" + id(issue) + "/decision", Map.of("decision", "FORWARD"), 200);

        // returned before the route's return step opened: that step completes by itself
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("select ended_at is not null from processing_dossier where dossier_code = ?").param(code).query(Boolean.class).single());

        JsonNode view = api(LEADER, "GET", "/api/v1/processing/dossiers/" + code, null, 200);
        List<String> decisions = new ArrayList<>();
        view.get("steps").forEach(s -> decisions.add(s.get("kind").asString() + ":" + s.get("decision").asString()));
        assertThat(decisions).containsExactly("RECEIVE:FORWARD", "APPRAISE:FORWARD", "REVIEW:RETURN", "APPRAISE:FORWARD", "REVIEW:FORWARD",
                "APPROVE:APPROVE", "ISSUE:FORWARD", "RETURN:COMPLETE");
        assertThat(view.get("comments").toString()).contains("Đã đối chiếu văn bằng bổ sung");
        assertThat(view.get("papers").toString()).contains("to-trinh.pdf");
        assertThat(view.get("steps").get(3).get("usedMinutes").asInt()).as("the stopped time does not count").isLessThan((int) stopped.toMinutes());

        // the control sheet: every hand-over with sender, receiver, time used against time allowed
        HttpResponse<byte[]> sheet = http.send(HttpRequest.newBuilder(uri("/api/v1/processing/dossiers/" + code + "/control-sheet"))
                .header("Authorization", "Bearer " + accessToken(SPECIALIST)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text;
        try (var document = Loader.loadPDF(sheet.body())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ").contains(code)
                .contains("Nông Thị Một Cửa").contains("Hoàng Văn Thẩm").contains("Vi Văn Trưởng").contains("Hà Thị Duyệt").contains("Lộc Văn Thư")
                .contains("Thụ lý, thẩm định hồ sơ").contains("Trả lại bước trước").contains("Thời hạn được giao").contains("Thời gian đã dùng");

        // someone who never held a step of another agency does not see it
        assertThat(call(OUTSIDER, "GET", "/api/v1/processing/dossiers/" + code, null).statusCode()).isEqualTo(404);
    }

    @Test
    void twoOfficialsCompletingTheSameStepAtOnceOneWinsTheOtherGets409() throws Exception {
        String code = receivedDossier("concurrent");
        JsonNode receive = inQueue(DESK, "unit", code);
        api(DESK, "POST", "/api/v1/processing/tasks/" + id(receive) + "/claim", null, 200);
        accessToken(DESK);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> decide = () -> {
                start.await();
                return call(DESK, "POST", "/api/v1/processing/tasks/" + id(receive) + "/decision", Map.of("decision", "FORWARD")).statusCode();
            };
            Future<Integer> first = pool.submit(decide);
            Future<Integer> second = pool.submit(decide);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        JsonNode view = api(DESK, "GET", "/api/v1/processing/dossiers/" + code, null, 200);
        assertThat(view.get("steps")).hasSize(2);
        assertThat(view.get("steps").get(1).get("kind").asString()).isEqualTo("APPRAISE");
        assertThat(jdbc.sql("select count(*) from act_ru_task where proc_inst_id_ = "
                        + "(select process_instance_id from processing_dossier where dossier_code = ?)").param(code)
                .query(Integer.class).single()).as("one task open in the engine").isEqualTo(1);
    }

    @Test
    void anOverdueStepAlertsTheAgencyLeaderOnce() throws Exception {
        String code = receivedDossier("overdue");
        JsonNode receive = inQueue(DESK, "unit", code);
        UUID stepId = UUID.fromString(id(receive));
        Instant past = Instant.now().minus(Duration.ofDays(10));
        jdbc.sql("update processing_step set due_at = ? where id = ?").params(java.sql.Timestamp.from(past), stepId).update();
        assertThat(inQueue(DESK, "unit", code).get("standing").asString()).isEqualTo("OVERDUE");
        assertThat(inQueue(DESK, "unit", code).get("timeLeft").asString()).startsWith("Quá hạn");

        overdue.raiseAlerts(Instant.now());
        overdue.raiseAlerts(Instant.now());
        assertThat(jdbc.sql("select count(*) from processing_alert where step_id = ?").param(stepId).query(Integer.class).single()).isEqualTo(1);
        JsonNode alerts = api(LEADER, "GET", "/api/v1/processing/alerts", null, 200);
        List<JsonNode> mine = new ArrayList<>();
        alerts.forEach(a -> {
            if (a.get("stepId").asString().equals(stepId.toString())) {
                mine.add(a);
            }
        });
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("recipientGroup").asString()).isEqualTo("AGENCY_LEADER@SO-XD");
        assertThat(mine.get(0).get("message").asString()).contains(code).contains("Tiếp nhận");
        assertThat(api(SPECIALIST, "GET", "/api/v1/processing/alerts", null, 200).toString()).doesNotContain(stepId.toString());
    }

    @Test
    void theLeaderApologisesWithANewAppointmentAndTheDossierCountsAsLate() throws Exception {
        String code = receivedDossier("apology");
        java.time.LocalDate appointment = progress.clock(dossierId(code)).orElseThrow().appointmentDate();
        assertThat(api(LEADER, "GET", "/api/v1/processing/dossiers/" + code, null, 200).get("atRisk").asBoolean()).isFalse();
        // the desk's step drags on: with the route's later steps the dossier cannot be done by its appointment
        jdbc.sql("update processing_step set due_at = ? where dossier_id = ? and completed_at is null")
                .params(java.sql.Timestamp.from(calendar.addWorkingTime(Instant.now(), calendar.workingDayLength().multipliedBy(5)).toInstant()),
                        dossierId(code)).update();
        assertThat(api(LEADER, "GET", "/api/v1/processing/dossiers/" + code, null, 200).get("atRisk").asBoolean()).isTrue();
        java.time.LocalDate later = calendar.addWorkingDays(appointment, 3);
        assertThat(call(SPECIALIST, "POST", "/api/v1/processing/dossiers/" + code + "/reschedule",
                Map.of("reason", "Chờ ý kiến", "newAppointment", later.toString())).statusCode()).isIn(403, 404);
        assertThat(call(LEADER, "POST", "/api/v1/processing/dossiers/" + code + "/reschedule",
                Map.of("reason", "", "newAppointment", later.toString())).statusCode()).isEqualTo(422);
        api(LEADER, "POST", "/api/v1/processing/dossiers/" + code + "/reschedule",
                Map.of("reason", "Chờ ý kiến cơ quan phối hợp", "newAppointment", later.toString()), 204);
        DossierProgress.Clock clock = progress.clock(dossierId(code)).orElseThrow();
        assertThat(clock.appointmentDate()).isEqualTo(later);
        assertThat(clock.late()).isTrue();
        assertThat(api(LEADER, "GET", "/api/v1/processing/dossiers/" + code, null, 200).get("late").asBoolean()).isTrue();
    }

    @Test
    void aProposedRefusalIsConfirmedByTheLeaderWithItsReasons() throws Exception {
        String code = receivedDossier("refusal");
        UUID id = dossierId(code);
        JsonNode receive = inQueue(DESK, "unit", code);
        api(DESK, "POST", "/api/v1/processing/tasks/" + id(receive) + "/claim", null, 200);
        assertThat(call(DESK, "POST", "/api/v1/processing/tasks/" + id(receive) + "/decision",
                Map.of("decision", "PROPOSE_REFUSAL", "reason", "x")).statusCode()).as("not at reception").isEqualTo(422);
        api(DESK, "POST", "/api/v1/processing/tasks/" + id(receive) + "/decision", Map.of("decision", "FORWARD"), 200);
        JsonNode appraise = inQueue(SPECIALIST, "unit", code);
        api(OTHER_SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(appraise) + "/claim", null, 200);
        assertThat(call(SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(appraise) + "/claim", null).statusCode())
                .as("claimed by a colleague already").isEqualTo(409);
        api(OTHER_SPECIALIST, "POST", "/api/v1/processing/tasks/" + id(appraise) + "/decision",
                Map.of("decision", "PROPOSE_REFUSAL", "reason", "Chưa đủ 7 năm kinh nghiệm theo quy định"), 200);
        JsonNode review = inQueue(HEAD, "unit", code);
        api(HEAD, "POST", "/api/v1/processing/tasks/" + id(review) + "/claim", null, 200);
        api(HEAD, "POST", "/api/v1/processing/tasks/" + id(review) + "/decision", Map.of("decision", "FORWARD"), 200);
        JsonNode approve = inQueue(LEADER, "unit", code);
        api(LEADER, "POST", "/api/v1/processing/tasks/" + id(approve) + "/claim", null, 200);
        JsonNode view = api(LEADER, "GET", "/api/v1/processing/dossiers/" + code, null, 200);
        assertThat(view.get("refusalProposed").asBoolean()).isTrue();
        assertThat(view.get("actions").get(0).get("decisions").toString()).contains("APPROVE").contains("REFUSE").contains("RETURN");
        api(LEADER, "POST", "/api/v1/processing/tasks/" + id(approve) + "/decision", Map.of("decision", "REFUSE"), 200);
        assertThat(progress.clock(id).orElseThrow().outcome()).isEqualTo(DossierOutcome.REFUSED);
        assertThat(progress.detail(id).orElseThrow().steps().stream().filter(s -> s.action().equals("RESOLVED")).findFirst().orElseThrow().note())
                .contains("Chưa đủ 7 năm kinh nghiệm theo quy định");
        assertThat(api(LEADER, "GET", "/api/v1/processing/dossiers/" + code, null, 200).get("outcome").asString()).isEqualTo("REFUSED");
    }

    private JsonNode inQueue(String username, String scope, String code) throws Exception {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> queue(username, scope).stream()
                .filter(t -> t.get("dossierCode").asString().equals(code)).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private List<JsonNode> queue(String username, String scope) throws Exception {
        List<JsonNode> tasks = new ArrayList<>();
        api(username, "GET", "/api/v1/processing/tasks?scope=" + scope, null, 200).forEach(tasks::add);
        return tasks;
    }

    private JsonNode step(String username, String code, String stepId) throws Exception {
        for (JsonNode s : api(username, "GET", "/api/v1/processing/dossiers/" + code, null, 200).get("steps")) {
            if (s.get("id").asString().equals(stepId)) {
                return s;
            }
        }
        throw new AssertionError("no step " + stepId);
    }

    private static String id(JsonNode task) {
        return task.get("id").asString();
    }
}
