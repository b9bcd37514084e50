package vn.gov.egov.calendar;

import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public year view: which days officials work. */
@Controller
class CalendarPage {

    private final WorkingCalendar calendar;

    CalendarPage(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/calendar")
    String year(@RequestParam(required = false) String year, Model model) {
        model.addAttribute("sheet", YearSheet.of(pageYear(year), calendar));
        return "calendar/year";
    }

    /** The year asked for, or this year in Vietnam. */
    static int pageYear(String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(WorkingCalendar.ZONE).getYear();
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year >= WorkingCalendar.FIRST_YEAR && year <= WorkingCalendar.LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Năm phải từ " + WorkingCalendar.FIRST_YEAR + " đến "
                + WorkingCalendar.LAST_YEAR + ": " + value);
    }
}
