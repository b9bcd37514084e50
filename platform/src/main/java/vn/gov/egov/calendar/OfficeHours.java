package vn.gov.egov.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods of a working day in which officials receive and handle dossiers, e.g. {@code 07:30-11:30,13:00-17:00}
 * (local time in Vietnam). Each province decides its own hours; set {@code egov.calendar.office-hours} to them.
 */
record OfficeHours(List<Period> periods) {

    record Period(LocalTime start, LocalTime end) {

        Duration length() {
            return Duration.between(start, end);
        }
    }

    OfficeHours {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one period");
        }
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            if (!period.start().isBefore(period.end())) {
                throw new IllegalArgumentException("office period must end after it starts: " + period);
            }
            if (i > 0 && period.start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("office periods must be in order and not overlap: " + periods);
            }
        }
        periods = List.copyOf(periods);
    }

    /** Parses {@code HH:mm-HH:mm[,HH:mm-HH:mm…]}. */
    static OfficeHours parse(String text) {
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] bounds = part.trim().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("office period must look like 07:30-11:30: '" + part.trim() + "'");
            }
            try {
                periods.add(new Period(LocalTime.parse(bounds[0].trim()), LocalTime.parse(bounds[1].trim())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("office period must look like 07:30-11:30: '" + part.trim() + "'", e);
            }
        }
        return new OfficeHours(periods);
    }

    Duration perDay() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return String.join(",", periods.stream().map(p -> p.start() + "-" + p.end()).toList());
    }
}
