package vn.gov.egov.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;

/**
 * The module's clock, in Vietnam time. Normally the system clock; tests of the module move it (package-private
 * {@link #travelTo}) to check due dates across holidays without waiting for them.
 */
@Component
class DossierClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return WorkingCalendar.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    void travelTo(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    void reset() {
        offset = Duration.ZERO;
    }
}
