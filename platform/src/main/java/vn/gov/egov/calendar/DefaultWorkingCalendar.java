package vn.gov.egov.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/** Counting over the computed years; office time in Vietnam's local time (no daylight saving since 1975). */
@Service
class DefaultWorkingCalendar implements WorkingCalendar {

    private final CalendarYears years;
    private final OfficeHours officeHours;

    DefaultWorkingCalendar(CalendarYears years, OfficeHours officeHours) {
        this.years = years;
        this.officeHours = officeHours;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return years.of(date.getYear()).isWorkingDay(date);
    }

    @Override
    public CalendarDay day(LocalDate date) {
        CalendarYear year = years.of(date.getYear());
        return new CalendarDay(date, year.isWorkingDay(date), year.specialDay(date).orElse(null), LunarDate.fromSolar(date));
    }

    @Override
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0 || days > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("Số ngày làm việc phải từ 0 đến " + MAX_WORKING_DAYS + ": " + days);
        }
        CalendarYears.checkYear(from.getYear());
        LocalDate date = from;
        if (days == 0) {
            while (!isWorkingDay(date)) {
                date = date.plusDays(1);
            }
            return date;
        }
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        CalendarYears.checkYear(from.getYear());
        CalendarYears.checkYear(to.getYear());
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public ZonedDateTime addWorkingTime(Instant from, Duration workingTime) {
        if (workingTime.isNegative() || workingTime.compareTo(workingDayLength().multipliedBy(MAX_WORKING_DAYS)) > 0) {
            throw new IllegalArgumentException("Thời gian làm việc phải từ 0 đến " + MAX_WORKING_DAYS + " ngày làm việc: "
                    + workingTime);
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, ZONE);
        CalendarYears.checkYear(start.getYear());
        LocalDate date = start.toLocalDate();
        LocalTime time = start.toLocalTime();
        Duration remaining = workingTime;
        while (true) {
            if (isWorkingDay(date)) {
                for (OfficeHours.Period period : officeHours.periods()) {
                    if (!time.isBefore(period.end())) {
                        continue;
                    }
                    LocalTime begin = time.isAfter(period.start()) ? time : period.start();
                    Duration available = Duration.between(begin, period.end());
                    if (remaining.compareTo(available) <= 0) {
                        return ZonedDateTime.of(date, begin.plus(remaining), ZONE);
                    }
                    remaining = remaining.minus(available);
                }
            }
            date = date.plusDays(1);
            time = LocalTime.MIN;
        }
    }

    @Override
    public WorkingTime workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            WorkingTime forward = workingTimeBetween(to, from);
            return new WorkingTime(forward.duration().negated(), forward.workingDays().negate());
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, ZONE);
        LocalDateTime end = LocalDateTime.ofInstant(to, ZONE);
        CalendarYears.checkYear(start.getYear());
        CalendarYears.checkYear(end.getYear());
        Duration total = Duration.ZERO;
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (OfficeHours.Period period : officeHours.periods()) {
                LocalDateTime periodStart = date.atTime(period.start());
                LocalDateTime periodEnd = date.atTime(period.end());
                LocalDateTime overlapStart = start.isAfter(periodStart) ? start : periodStart;
                LocalDateTime overlapEnd = end.isBefore(periodEnd) ? end : periodEnd;
                if (overlapStart.isBefore(overlapEnd)) {
                    total = total.plus(Duration.between(overlapStart, overlapEnd));
                }
            }
        }
        BigDecimal days = BigDecimal.valueOf(total.toSeconds())
                .divide(BigDecimal.valueOf(workingDayLength().toSeconds()), 2, RoundingMode.HALF_UP);
        return new WorkingTime(total, days);
    }

    @Override
    public Duration workingDayLength() {
        return officeHours.perDay();
    }

    @Override
    public List<SpecialDay> daysOff(int year) {
        return years.of(year).daysOff();
    }

    @Override
    public List<SpecialDay> makeUpWorkingDays(int year) {
        return years.of(year).makeUpWorkingDays();
    }

    @Override
    public List<SpecialDay> specialDays(int year) {
        return years.of(year).specialDays();
    }
}
