package vn.gov.egov.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.egov.dossier.DossierStatusChanged;

/**
 * In the dossier's own transaction: the messages are recorded with the move that causes them, or not at all, and the
 * notification table is itself the outbox that {@link SendingNotifications} works through after the commit (so no
 * event publication is kept and completed for each move). {@link NotifyingApplicants} records nothing twice.
 */
@Component
class DossierStatusListener {

    private final NotifyingApplicants applicants;

    DossierStatusListener(NotifyingApplicants applicants) {
        this.applicants = applicants;
    }

    @EventListener
    void on(DossierStatusChanged event) {
        applicants.notify(event);
    }
}
