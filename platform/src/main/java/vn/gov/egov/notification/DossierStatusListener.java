package vn.gov.egov.notification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.gov.egov.dossier.DossierStatusChanged;

/**
 * After the dossier's transaction commits, asynchronously; the event stays in the publication registry until this
 * completes, so a crash or a restart delivers it again (and {@link NotifyingApplicants} sends nothing twice).
 */
@Component
class DossierStatusListener {

    private final NotifyingApplicants applicants;

    DossierStatusListener(NotifyingApplicants applicants) {
        this.applicants = applicants;
    }

    @ApplicationModuleListener
    void on(DossierStatusChanged event) {
        applicants.notify(event);
    }
}
