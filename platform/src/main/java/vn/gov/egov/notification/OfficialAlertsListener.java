package vn.gov.egov.notification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.gov.egov.lgsp.LgspAlertRaised;
import vn.gov.egov.lgsp.LgspAlertResolved;
import vn.gov.egov.processing.StepOverdue;

/**
 * Alerts for officials, after the publisher's transaction commits, asynchronously; each event stays in the
 * publication registry until handled, so a restart delivers it again (and {@link NotifyingOfficials} sends nothing
 * twice).
 */
@Component
class OfficialAlertsListener {

    private final NotifyingOfficials officials;

    OfficialAlertsListener(NotifyingOfficials officials) {
        this.officials = officials;
    }

    @ApplicationModuleListener
    void on(StepOverdue event) {
        officials.notify(event);
    }

    @ApplicationModuleListener
    void on(LgspAlertRaised event) {
        officials.notify(event);
    }

    @ApplicationModuleListener
    void on(LgspAlertResolved event) {
        officials.notify(event);
    }
}
