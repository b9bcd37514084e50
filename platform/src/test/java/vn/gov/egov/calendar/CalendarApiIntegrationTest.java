package vn.gov.egov.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.PlatformTest;

/** The calendar's HTTP API on the running platform. Announcements use 2031–2039, years no other test touches. */
class CalendarApiIntegrationTest extends PlatformTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void holidaysOf2026ListTetWithItsLunarDates() throws Exception {
        HttpResponse<String> response = get("/api/v1/calendar/holidays?year=2026");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("year").asInt()).isEqualTo(2026);
        assertThat(body.get("daysOff")).hasSize(12);
        JsonNode tet = find(body.get("daysOff"), "2026-02-17");
        assertThat(tet.get("kind").asString()).isEqualTo("PUBLIC_HOLIDAY");
        assertThat(tet.get("name").asString()).isEqualTo("Tết Nguyên đán (mùng 1)");
        assertThat(tet.get("source").asString()).isEqualTo("LABOUR_CODE");
        assertThat(tet.get("lunarDate").get("text").asString()).isEqualTo("1/1/2026");
        assertThat(tet.get("lunarDate").get("yearName").asString()).isEqualTo("Bính Ngọ");
        assertThat(find(body.get("daysOff"), "2026-04-27").get("compensatesFor").asString()).isEqualTo("2026-04-26");
        assertThat(body.get("makeUpWorkingDays")).isEmpty();
    }

    @Test
    void addingWorkingDaysAcrossTetSkipsTheHoliday() throws Exception {
        JsonNode body = json(get("/api/v1/calendar/add-working-days?from=2026-02-13&days=1"));

        assertThat(body.get("from").asString()).isEqualTo("2026-02-13");
        assertThat(body.get("days").asInt()).isEqualTo(1);
        assertThat(body.get("result").asString()).isEqualTo("2026-02-23");
    }

    @Test
    void aYearOutsideTheCalendarIsAProblemNamingTheParameterAndTheRule() throws Exception {
        HttpResponse<String> response = get("/api/v1/calendar/holidays?year=1800");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("detail").asString()).contains("'year'").contains("1900").contains("2100");
        assertThat(problem.get("parameter").asString()).isEqualTo("year");
        assertThat(problem.get("rule").asString()).isEqualTo("range");
    }

    @Test
    void malformedDatesAndNegativeOrAbsurdCountsAreProblems() throws Exception {
        assertProblem(get("/api/v1/calendar/add-working-days?from=2026-13-01&days=1"), "from", "format");
        assertProblem(get("/api/v1/calendar/add-working-days?from=2026-02-13&days=-1"), "days", "range");
        assertProblem(get("/api/v1/calendar/add-working-days?from=2026-02-13&days=3651"), "days", "range");
        assertProblem(get("/api/v1/calendar/add-working-days?from=2026-02-13&days=năm"), "days", "integer");
        assertProblem(get("/api/v1/calendar/add-working-days?days=1"), "from", "required");
        assertProblem(get("/api/v1/calendar/working-days/17-02-2026"), "date", "format");
        assertProblem(get("/api/v1/calendar/add-working-hours?from=hôm-nay&hours=4"), "from", "format");
        assertProblem(get("/api/v1/calendar/add-working-hours?from=2026-02-13T15:00&hours=29201"), "hours", "range");
        assertThat(json(get("/api/v1/calendar/add-working-days?from=2100-12-20&days=30")).get("status").asInt())
                .as("a count running past 2100").isEqualTo(400);
    }

    @Test
    void aDayTellsWhetherItIsAWorkingDayAndWhyNot() throws Exception {
        JsonNode compensatory = json(get("/api/v1/calendar/working-days/2026-04-27"));
        JsonNode ordinary = json(get("/api/v1/calendar/working-days/2026-04-28"));
        JsonNode saturday = json(get("/api/v1/calendar/working-days/2026-04-25"));

        assertThat(compensatory.get("workingDay").asBoolean()).isFalse();
        assertThat(compensatory.get("kind").asString()).isEqualTo("COMPENSATORY_DAY_OFF");
        assertThat(compensatory.get("compensatesFor").asString()).isEqualTo("2026-04-26");
        assertThat(ordinary.get("workingDay").asBoolean()).isTrue();
        assertThat(ordinary.get("kind").asString()).isEqualTo("REGULAR_WORKING_DAY");
        assertThat(saturday.get("kind").asString()).isEqualTo("WEEKEND");
    }

    @Test
    void workingHoursAreAddedAcrossTetInVietnamTime() throws Exception {
        JsonNode local = json(get("/api/v1/calendar/add-working-hours?from=2026-02-13T15:00&hours=4"));
        JsonNode utc = json(get("/api/v1/calendar/add-working-hours?from=2026-02-13T08:00:00Z&hours=4"));

        assertThat(local.get("result").asString()).isEqualTo("2026-02-23T09:30:00+07:00");
        assertThat(local.get("resultInstant").asString()).isEqualTo("2026-02-23T02:30:00Z");
        assertThat(utc.get("from").asString()).isEqualTo("2026-02-13T15:00:00+07:00");
        assertThat(utc.get("result").asString()).isEqualTo("2026-02-23T09:30:00+07:00");
    }

    @Test
    void workingTimeBetweenTwoInstantsIsNegativeBackwards() throws Exception {
        JsonNode forward = json(get("/api/v1/calendar/working-time?from=2026-03-13T16:00&to=2026-03-16T08:30"));
        JsonNode backward = json(get("/api/v1/calendar/working-time?from=2026-03-16T08:30&to=2026-03-13T16:00"));

        assertThat(forward.get("minutes").asInt()).isEqualTo(120);
        assertThat(forward.get("workingDays").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(backward.get("minutes").asInt()).isEqualTo(-120);
        assertThat(backward.get("workingDays").decimalValue()).isEqualByComparingTo("-0.25");
    }

    @Test
    void lunarDatesAreVietnamese() throws Exception {
        JsonNode tet2007 = json(get("/api/v1/calendar/lunar?date=2007-02-17"));

        assertThat(tet2007.get("lunarDate").get("day").asInt()).isEqualTo(1);
        assertThat(tet2007.get("lunarDate").get("month").asInt()).isEqualTo(1);
        assertThat(tet2007.get("lunarDate").get("year").asInt()).isEqualTo(2007);
    }

    @Test
    void announcementsNeedTheProvinceAdministrator() throws Exception {
        HttpResponse<String> list = get("/api/v1/calendar/announcements?year=2031");
        HttpResponse<String> post = http.send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/calendar/announcements"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(announcement("2031-01-04", "WORKING_DAY"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(list.statusCode()).isEqualTo(401);
        assertThat(list.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void anAnnouncedMakeUpSaturdayChangesTheDueDateUntilItIsWithdrawn() throws Exception {
        // Saturday 4 January 2031; the year is computed (and cached) before the announcement
        assertThat(addOneWorkingDay("2031-01-03")).isEqualTo("2031-01-06");

        HttpResponse<String> created = asAdmin("POST", "/api/v1/calendar/announcements", "application/json",
                announcement("2031-01-04", "WORKING_DAY"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/calendar/announcements/2031-01-04");
        assertThat(json(created).get("recordedBy").asString()).isEqualTo(ADMIN);

        assertThat(addOneWorkingDay("2031-01-03")).isEqualTo("2031-01-04");
        JsonNode madeUp = json(get("/api/v1/calendar/holidays?year=2031")).get("makeUpWorkingDays").get(0);
        assertThat(madeUp.get("date").asString()).isEqualTo("2031-01-04");
        assertThat(madeUp.get("kind").asString()).isEqualTo("MAKE_UP_WORKING_DAY");
        assertThat(madeUp.get("source").asString()).isEqualTo("ANNOUNCEMENT");
        assertThat(madeUp.get("decisionNumber").asString()).isEqualTo("Thông báo thử nghiệm 1/TB-TEST");
        // published for other modules: the audit module's listener records it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jdbc.sql("""
                        SELECT (SELECT count(*) FROM audit_pending WHERE action LIKE 'CALENDAR_%' AND object_id = :date)
                             + (SELECT count(*) FROM audit_entry WHERE action LIKE 'CALENDAR_%' AND object_id = :date)""")
                        .param("date", "2031-01-04").query(Integer.class).single()).as("published for other modules").isPositive());

        HttpResponse<String> again = asAdmin("POST", "/api/v1/calendar/announcements", "application/json",
                announcement("2031-01-04", "WORKING_DAY"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("errors").get(0).get("rule").asString()).isEqualTo("already-announced");

        HttpResponse<String> revised = asAdmin("PUT", "/api/v1/calendar/announcements/2031-01-04", "application/json",
                "{\"kind\":\"WORKING_DAY\",\"reason\":\"Làm bù (đã sửa)\",\"decisionNumber\":\"Thông báo thử nghiệm 2/TB-TEST\"}");
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);

        HttpResponse<String> withdrawn = asAdmin("DELETE", "/api/v1/calendar/announcements/2031-01-04", null, null);
        assertThat(withdrawn.statusCode()).isEqualTo(204);
        assertThat(addOneWorkingDay("2031-01-03")).isEqualTo("2031-01-06");
        assertThat(asAdmin("DELETE", "/api/v1/calendar/announcements/2031-01-04", null, null).statusCode()).isEqualTo(404);

        JsonNode listed = json(asAdmin("GET", "/api/v1/calendar/announcements?year=2031", null, null));
        assertThat(listed.get("announcements")).isEmpty();
        JsonNode history = listed.get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("reason").asString()).isEqualTo("Làm bù (đã sửa)");
        assertThat(history.get(0).get("ending").asString()).isEqualTo("WITHDRAWN");
        assertThat(history.get(0).get("endedBy").asString()).isEqualTo(ADMIN);
        assertThat(history.get(1).get("ending").asString()).isEqualTo("REVISED");
        assertThat(history.get(1).get("decisionNumber").asString()).isEqualTo("Thông báo thử nghiệm 1/TB-TEST");
    }

    @Test
    void anAnnouncementBreakingTheRulesIsAProblemNamingEachField() throws Exception {
        HttpResponse<String> response = asAdmin("POST", "/api/v1/calendar/announcements", "application/json",
                "{\"date\":\"2032-01-06\",\"kind\":\"WORKING_DAY\",\"reason\":\" \"}"); // a Tuesday

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString() + ":" + e.get("rule").asString())
                .containsExactlyInAnyOrder("date:already-working-day", "reason:required", "decisionNumber:required");
        assertThat(problem.get("detail").asString())
                .contains("Trường 'date': Ngày 06/01/2032 đã là ngày làm việc")
                .contains("Trường 'reason': Chưa nhập lý do.");
    }

    @Test
    void aDayOffCannotBeAnnouncedOnAWeekendOrAHoliday() throws Exception {
        JsonNode weekend = json(asAdmin("POST", "/api/v1/calendar/announcements", "application/json",
                announcement("2032-01-10", "DAY_OFF"))); // a Saturday
        JsonNode holiday = json(asAdmin("POST", "/api/v1/calendar/announcements", "application/json",
                announcement("2032-01-01", "DAY_OFF")));
        JsonNode badKind = json(asAdmin("POST", "/api/v1/calendar/announcements", "application/json",
                announcement("2032-01-05", "HOLIDAY")));

        assertThat(weekend.get("errors").get(0).get("rule").asString()).isEqualTo("day-off-on-weekend");
        assertThat(holiday.get("errors").get(0).get("rule").asString()).isEqualTo("already-day-off");
        assertThat(holiday.get("detail").asString()).contains("Tết Dương lịch");
        assertThat(badKind.get("errors").get(0).get("field").asString()).isEqualTo("kind");
    }

    @Test
    void theAnnouncementsTableKeepsItsHistory() throws Exception {
        assertThat(asAdmin("POST", "/api/v1/calendar/announcements", "application/json",
                announcement("2033-01-07", "DAY_OFF")).statusCode()).isEqualTo(201);

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM calendar_announcement WHERE day = '2033-01-07'").update())
                .hasMessageContaining("keeps history");
        assertThatThrownBy(() -> jdbc.sql("UPDATE calendar_announcement SET reason = 'x' WHERE day = '2033-01-07'").update())
                .hasMessageContaining("keeps history");
    }

    @Test
    void theApiIsDocumentedInOpenApi() throws Exception {
        JsonNode paths = json(get("/v3/api-docs")).get("paths");

        assertThat(paths.propertyNames()).contains(
                "/api/v1/calendar/holidays", "/api/v1/calendar/add-working-days", "/api/v1/calendar/working-days/{date}",
                "/api/v1/calendar/add-working-hours", "/api/v1/calendar/working-time", "/api/v1/calendar/lunar",
                "/api/v1/calendar/announcements", "/api/v1/calendar/announcements/{date}");
        assertThat(paths.get("/api/v1/calendar/announcements/{date}").propertyNames()).contains("put", "delete");
    }

    private String addOneWorkingDay(String from) throws IOException, InterruptedException {
        return json(get("/api/v1/calendar/add-working-days?from=" + from + "&days=1")).get("result").asString();
    }

    private static String announcement(String date, String kind) {
        return "{\"date\":\"" + date + "\",\"kind\":\"" + kind + "\",\"reason\":\"Làm bù cho ngày nghỉ thử nghiệm\","
                + "\"decisionNumber\":\"Thông báo thử nghiệm 1/TB-TEST\"}";
    }

    private static void assertProblem(HttpResponse<String> response, String parameter, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("rule").asString()).isEqualTo(rule);
        assertThat(problem.get("detail").asString()).startsWith("Tham số '" + parameter + "'");
    }

    private static JsonNode find(JsonNode days, String date) {
        for (JsonNode day : days) {
            if (day.get("date").asString().equals(date)) {
                return day;
            }
        }
        throw new AssertionError("no " + date + " in " + days);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
