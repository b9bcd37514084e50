package vn.gov.egov.statistics;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.gov.egov.dossier.DossierRated;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.payment.FeePaid;

/**
 * After the dossier's transaction commits, asynchronously; an event stays in the publication registry until it is
 * recorded here, so a failure or a restart delivers it again ({@link RecordingDossierEvents} counts nothing twice).
 * A fee paid before the dossier's reception reached statistics fails and is delivered again later.
 */
@Component
class StatisticsListener {

    private final RecordingDossierEvents recording;

    StatisticsListener(RecordingDossierEvents recording) {
        this.recording = recording;
    }

    @ApplicationModuleListener
    void on(DossierStatusChanged event) {
        recording.record(event);
    }

    @ApplicationModuleListener
    void on(DossierRated event) {
        recording.record(event);
    }

    /** Decision 766's online payment rate. */
    @ApplicationModuleListener
    void on(FeePaid event) {
        recording.paid(event.dossierId(), event.online(), event.paidAt());
    }
}
