package vn.gov.egov.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public, read-only questions to the working-day calendar. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Lịch ngày làm việc", description = "Ngày làm việc, ngày nghỉ lễ, Tết, ngày nghỉ bù, ngày làm bù; tính hạn theo ngày và giờ làm việc")
@ApiResponse(responseCode = "400", description = "Tham số không hợp lệ (problem+json, detail tiếng Việt nêu tham số và quy tắc)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class CalendarApi {

    private final WorkingCalendar calendar;

    CalendarApi(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/holidays")
    @Operation(summary = "Ngày nghỉ và ngày làm bù của một năm",
            description = "Ngày nghỉ lễ, Tết theo Điều 112 Bộ luật Lao động, ngày nghỉ bù, ngày nghỉ và ngày làm bù do Chính phủ công bố.")
    CalendarApiJson.Holidays holidays(
            @Parameter(description = "Năm, 1900–2100", example = "2026") @RequestParam(required = false) String year) {
        int y = RequestParameters.year("year", year);
        return new CalendarApiJson.Holidays(y, calendar.daysOff(y).stream().map(CalendarApiJson.Day::of).toList(),
                calendar.makeUpWorkingDays(y).stream().map(CalendarApiJson.Day::of).toList());
    }

    @GetMapping("/add-working-days")
    @Operation(summary = "Cộng số ngày làm việc",
            description = "Ngày làm việc thứ N sau ngày 'from' (không tính ngày 'from'); với 0: chính ngày 'from' nếu là ngày làm việc, nếu không thì ngày làm việc kế tiếp.")
    CalendarApiJson.AddedWorkingDays addWorkingDays(
            @Parameter(description = "Ngày bắt đầu, YYYY-MM-DD", example = "2026-02-13") @RequestParam(required = false) String from,
            @Parameter(description = "Số ngày làm việc, 0–3650", example = "5") @RequestParam(required = false) String days) {
        LocalDate start = RequestParameters.date("from", from);
        int count = RequestParameters.workingDays("days", days);
        return new CalendarApiJson.AddedWorkingDays(start, count, calendar.addWorkingDays(start, count));
    }

    @GetMapping("/working-days/{date}")
    @Operation(summary = "Một ngày có phải ngày làm việc không, và nếu không thì vì sao",
            description = "kind: REGULAR_WORKING_DAY, WEEKEND, PUBLIC_HOLIDAY, COMPENSATORY_DAY_OFF, ANNOUNCED_DAY_OFF hoặc MAKE_UP_WORKING_DAY.")
    CalendarApiJson.WorkingDay workingDay(
            @Parameter(description = "Ngày, YYYY-MM-DD", example = "2026-02-17") @PathVariable String date) {
        return CalendarApiJson.WorkingDay.of(calendar.day(RequestParameters.date("date", date)));
    }

    @GetMapping("/add-working-hours")
    @Operation(summary = "Cộng số giờ làm việc",
            description = "Chỉ tính giờ hành chính của ngày làm việc (egov.calendar.office-hours, mặc định 07:30–11:30 và 13:00–17:00, giờ Việt Nam).")
    CalendarApiJson.AddedWorkingHours addWorkingHours(
            @Parameter(description = "Thời điểm bắt đầu: ISO 8601 có múi giờ, hoặc giờ Việt Nam không có múi giờ", example = "2026-02-13T15:00")
            @RequestParam(required = false) String from,
            @Parameter(description = "Số giờ làm việc, từ 0 đến 3650 ngày làm việc (29200 giờ với 8 giờ mỗi ngày)", example = "4") @RequestParam(required = false) String hours) {
        Instant start = RequestParameters.instant("from", from);
        int count = RequestParameters.hours("hours", hours,
                calendar.workingDayLength().toHours() * WorkingCalendar.MAX_WORKING_DAYS);
        return CalendarApiJson.AddedWorkingHours.of(start, count, calendar.addWorkingHours(start, count));
    }

    @GetMapping("/working-time")
    @Operation(summary = "Thời gian làm việc giữa hai thời điểm",
            description = "Số phút và số ngày làm việc (có phần lẻ) trong giờ hành chính; âm khi 'to' trước 'from'.")
    CalendarApiJson.WorkingTimeBetween workingTime(
            @Parameter(description = "Từ thời điểm", example = "2026-02-13T07:30") @RequestParam(required = false) String from,
            @Parameter(description = "Đến thời điểm", example = "2026-02-23T11:30") @RequestParam(required = false) String to) {
        Instant start = RequestParameters.instant("from", from);
        Instant end = RequestParameters.instant("to", to);
        return CalendarApiJson.WorkingTimeBetween.of(start, end, calendar.workingTimeBetween(start, end));
    }

    @GetMapping("/lunar")
    @Operation(summary = "Ngày âm lịch Việt Nam của một ngày dương lịch", description = "Tính theo múi giờ UTC+7.")
    CalendarApiJson.LunarOfDate lunar(
            @Parameter(description = "Ngày dương lịch, YYYY-MM-DD", example = "2026-02-17") @RequestParam(required = false) String date) {
        LocalDate solar = RequestParameters.date("date", date);
        return new CalendarApiJson.LunarOfDate(solar, CalendarApiJson.Lunar.of(LunarDate.fromSolar(solar)));
    }
}
