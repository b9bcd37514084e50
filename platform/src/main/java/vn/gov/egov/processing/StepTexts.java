package vn.gov.egov.processing;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.gov.egov.calendar.WorkingCalendar;

/** Times as Vietnamese papers and pages print them. */
final class StepTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(WorkingCalendar.ZONE);

    private StepTexts() {
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
