package vn.gov.egov.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.gov.egov.PlatformTest;

/** The year view and the administrator's page, as a browser sees them. Announcements here use 2034. */
class CalendarPagesIntegrationTest extends PlatformTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Test
    void theYearViewMarksTetInTheGridWithTextAndListsTheHolidays() throws Exception {
        HttpResponse<String> page = get("/calendar?year=2026");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Lịch ngày làm việc năm 2026</h1>")
                .contains("<caption>Tháng 2 năm 2026</caption>")
                .contains("<th scope=\"col\">")
                .contains("class=\"day-off\"")
                .contains("<span class=\"visually-hidden\">: Nghỉ lễ, Tết – Tết Nguyên đán (mùng 1)</span>")
                .contains("Giỗ Tổ Hùng Vương (10/3 âm lịch)")
                .contains("Nghỉ bù Giỗ Tổ Hùng Vương")
                .contains("Bộ luật Lao động 2019, Điều 112")
                .contains("<time datetime=\"2026-02-17\">17/02/2026</time>")
                .contains("Năm 2026 có 250 ngày làm việc");
    }

    @Test
    void theYearViewSpeaksEnglishOnRequest() throws Exception {
        HttpResponse<String> page = get("/calendar?year=2026&lang=en");

        assertThat(page.body())
                .contains("Working-day calendar 2026")
                .contains("Lunar New Year (Tết) (day 1)")
                .contains("<abbr title=\"Monday\">Mo</abbr>");
    }

    @Test
    void aYearOutsideTheCalendarIsABadRequest() throws Exception {
        assertThat(get("/calendar?year=2200").statusCode()).isEqualTo(400);
        assertThat(get("/calendar?year=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void theAdministratorsPageNeedsALogin() throws Exception {
        HttpResponse<String> page = get("/admin/calendar");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theAdministratorRecordsAndWithdrawsADayOffThroughTheForm() throws Exception {
        Browser browser = new Browser();
        browser.logIn(ADMIN);
        assertThat(browser.get("/admin/calendar?year=2034").body()).contains("Chưa có công bố nào cho năm này");

        // Saturday 7 January 2034, without a reason
        HttpResponse<String> rejected = browser.post("/admin/calendar/announcements", "/admin/calendar?year=2034",
                Map.of("date", "2034-01-07", "kind", "DAY_OFF", "reason", "", "decisionNumber", "Thông báo thử nghiệm 3/TB-TEST"));
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body())
                .contains("Chưa nhập lý do.")
                .contains("Ngày 07/01/2034 là thứ Bảy hoặc Chủ nhật")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"Thông báo thử nghiệm 3/TB-TEST\"");

        HttpResponse<String> recorded = browser.post("/admin/calendar/announcements", "/admin/calendar?year=2034",
                Map.of("date", "2034-01-06", "kind", "DAY_OFF", "reason", "Nghỉ thử nghiệm",
                        "decisionNumber", "Thông báo thử nghiệm 3/TB-TEST"));
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(recorded.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/calendar?year=2034"));
        assertThat(browser.get("/admin/calendar?year=2034").body())
                .contains("Đã ghi công bố ngày 06/01/2034.")
                .contains("Nghỉ thử nghiệm");
        assertThat(get("/api/v1/calendar/working-days/2034-01-06").body()).contains("\"kind\":\"ANNOUNCED_DAY_OFF\"");

        HttpResponse<String> withdrawn = browser.post("/admin/calendar/announcements/2034-01-06/withdraw",
                "/admin/calendar?year=2034", Map.of());
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/calendar?year=2034").body())
                .contains("Đã rút công bố ngày 06/01/2034.")
                .contains("Đã rút bởi " + ADMIN);
        assertThat(get("/api/v1/calendar/working-days/2034-01-06").body()).contains("\"workingDay\":true");
    }
}
