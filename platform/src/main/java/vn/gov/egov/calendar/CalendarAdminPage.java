package vn.gov.egov.calendar;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The province administrator's year view: the same sheet, plus recording and withdrawing announcements. */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminPage {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(WorkingCalendar.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** An announcement row with its moments already in Vietnam's time. */
    record Line(Announcement announcement, String recordedAt, String endedAt) {

        static Line of(Announcement a) {
            return new Line(a, moment(a.recordedAt()), moment(a.endedAt()));
        }

        private static String moment(Instant instant) {
            return instant == null ? null : MOMENT.format(instant);
        }
    }

    private final WorkingCalendar calendar;
    private final RecordingAnnouncements recording;
    private final CalendarMessages violations;
    private final MessageSource messages;

    CalendarAdminPage(WorkingCalendar calendar, RecordingAnnouncements recording, CalendarMessages violations,
                      MessageSource messages) {
        this.calendar = calendar;
        this.recording = recording;
        this.violations = violations;
        this.messages = messages;
    }

    @GetMapping
    String show(@RequestParam(required = false) String year, Model model) {
        return page(CalendarPage.pageYear(year), new AnnouncementDraft(null, null, null, null), Map.of(), model);
    }

    @PostMapping("/announcements")
    String announce(@ModelAttribute AnnouncementDraft form, Principal administrator, Model model, Locale locale,
                    RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Announcement recorded = recording.announce(form, administrator.getName());
            redirect.addFlashAttribute("notice", messages.getMessage("calendar.admin.recorded",
                    new Object[] {DATE.format(recorded.date())}, locale));
            return "redirect:/admin/calendar?year=" + recorded.date().getYear();
        } catch (AnnouncementRejected rejection) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new LinkedHashMap<>();
            rejection.violations().forEach(v -> errors.merge(v.field(), violations.violation(v, locale), (a, b) -> a + " " + b));
            return page(yearOf(form.date()), form, errors, model);
        }
    }

    @PostMapping("/announcements/{date}/withdraw")
    String withdraw(@PathVariable String date, Principal administrator, Locale locale, RedirectAttributes redirect) {
        LocalDate day;
        try {
            day = AnnouncementRules.date(date);
            recording.withdraw(day, administrator.getName());
        } catch (AnnouncementRejected rejection) {
            redirect.addFlashAttribute("problem", violations.violation(rejection.violations().get(0), locale));
            return "redirect:/admin/calendar?year=" + yearOf(date);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("calendar.admin.withdrawn",
                new Object[] {DATE.format(day)}, locale));
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    private String page(int year, AnnouncementDraft form, Map<String, String> errors, Model model) {
        List<Line> current = recording.current(year).stream().map(Line::of).toList();
        List<Line> history = recording.history(year).stream().map(Line::of).toList();
        model.addAttribute("sheet", YearSheet.of(year, calendar));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("announcements", current);
        model.addAttribute("history", history);
        return "calendar/admin";
    }

    private static int yearOf(String date) {
        try {
            int year = LocalDate.parse(date == null ? "" : date.trim()).getYear();
            return year >= WorkingCalendar.FIRST_YEAR && year <= WorkingCalendar.LAST_YEAR
                    ? year : LocalDate.now(WorkingCalendar.ZONE).getYear();
        } catch (DateTimeParseException e) {
            return LocalDate.now(WorkingCalendar.ZONE).getYear();
        }
    }
}
