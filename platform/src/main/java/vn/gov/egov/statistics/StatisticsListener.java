package vn.gov.egov.statistics;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.gov.egov.dossier.DossierRated;
import vn.gov.egov.dossier.DossierStatusChanged;

/**
 * After the dossier's transaction commits, asynchronously; an event stays in the publication registry until it is
 * recorded here, so a failure or a restart delivers it again ({@link RecordingDossierEvents} counts nothing twice).
 * The payment module's {@code FeePaid} goes here too once merged: {@code recording.paid(dossierId, online, at)}.
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
}
