package vn.gov.egov.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an announcement must satisfy. A day off must fall on a day that is a working day by the Labour Code's
 * rules (not a weekend, not already a holiday); a make-up working day must fall on a day that the rules make a day
 * off (a weekend, a holiday or a compensatory day). The reason and the announcing document are always required.
 */
final class AnnouncementRules {

    static final int MAX_REASON = 500;
    static final int MAX_DECISION_NUMBER = 100;

    private AnnouncementRules() {
    }

    /** A checked announcement, ready to record. */
    record Checked(LocalDate date, AnnouncementKind kind, String reason, String decisionNumber) {
    }

    static Checked check(AnnouncementDraft draft) {
        List<Violation> violations = new ArrayList<>();
        LocalDate date = date(draft.date(), violations);
        AnnouncementKind kind = kind(draft.kind(), violations);
        String reason = text("reason", draft.reason(), MAX_REASON, violations);
        String decisionNumber = text("decisionNumber", draft.decisionNumber(), MAX_DECISION_NUMBER, violations);
        if (date != null && kind != null) {
            fitsTheRules(date, kind).ifPresent(violations::add);
        }
        if (!violations.isEmpty()) {
            throw new AnnouncementRejected(AnnouncementRejected.Why.INVALID, violations);
        }
        return new Checked(date, kind, reason, decisionNumber);
    }

    /** Parses a date given in a URL, e.g. the date of an announcement to withdraw. */
    static LocalDate date(String value) {
        List<Violation> violations = new ArrayList<>();
        LocalDate date = date(value, violations);
        if (!violations.isEmpty()) {
            throw new AnnouncementRejected(AnnouncementRejected.Why.INVALID, violations);
        }
        return date;
    }

    private static Optional<Violation> fitsTheRules(LocalDate date, AnnouncementKind kind) {
        Optional<SpecialDay> ruleDay = LabourCodeHolidays.of(date.getYear()).stream()
                .filter(day -> day.date().equals(date)).findFirst();
        boolean weekend = WorkingWeek.isWeekend(date);
        return switch (kind) {
            case DAY_OFF -> weekend
                    ? Optional.of(new Violation("date", "day-off-on-weekend", date))
                    : ruleDay.map(day -> new Violation("date", "already-day-off", date, day.name()));
            case WORKING_DAY -> weekend || ruleDay.isPresent()
                    ? Optional.empty()
                    : Optional.of(new Violation("date", "already-working-day", date));
        };
    }

    private static LocalDate date(String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation("date", "required"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() < WorkingCalendar.FIRST_YEAR || date.getYear() > WorkingCalendar.LAST_YEAR) {
                violations.add(new Violation("date", "range", value.trim(), WorkingCalendar.FIRST_YEAR, WorkingCalendar.LAST_YEAR));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            violations.add(new Violation("date", "format", value.trim()));
            return null;
        }
    }

    private static AnnouncementKind kind(String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation("kind", "required"));
            return null;
        }
        try {
            return AnnouncementKind.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("kind", "one-of", value.trim()));
            return null;
        }
    }

    private static String text(String field, String value, int maxLength, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "required"));
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            violations.add(new Violation(field, "max-length", maxLength));
            return null;
        }
        return text;
    }
}
