package vn.gov.egov.reception;

import java.time.Instant;
import vn.gov.egov.calendar.WorkingCalendar;

/** The time left to act on a queued dossier, in office time, as words (never only a colour). */
record TimeLeft(String text, boolean overdue) {

    static TimeLeft of(WorkingCalendar calendar, Instant now, Instant due, boolean overdue) {
        if (due == null) {
            return new TimeLeft("không có hạn", false);
        }
        long minutes = calendar.workingTimeBetween(now, due).minutes();
        if (overdue || minutes < 0) {
            long late = Math.abs(minutes);
            return new TimeLeft(late == 0 ? "vừa quá hạn" : "quá hạn " + span(late), true);
        }
        return new TimeLeft(minutes == 0 ? "đến hạn ngay" : "còn " + span(minutes), false);
    }

    /** "3 giờ làm việc", "1 giờ 20 phút làm việc", "45 phút làm việc". */
    static String span(long minutes) {
        long hours = minutes / 60;
        long rest = minutes % 60;
        String text = hours == 0 ? rest + " phút" : rest == 0 ? hours + " giờ" : hours + " giờ " + rest + " phút";
        return text + " làm việc";
    }
}
