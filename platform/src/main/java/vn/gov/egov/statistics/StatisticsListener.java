package vn.gov.egov.statistics;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.gov.egov.dossier.DossierRated;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.payment.FeePaid;

/**
 * The moves that add to the day's and month's counters ({@link #COUNTED}) are recorded after the dossier's transaction
 * commits, asynchronously: those rows are shared by every dossier of an agency and procedure, so they are not locked
 * inside the officials' and citizens' transactions; such an event stays in the publication registry until it is
 * recorded here, so a failure or a restart delivers it again ({@link RecordingDossierEvents} counts nothing twice).
 * The other moves (a submission, a completed supplement, the start of processing, an apology) touch only the dossier's
 * own row and are recorded in the dossier's transaction: no event publication, no second transaction, never lost.
 * A fee paid before the dossier's reception reached statistics fails and is delivered again later.
 */
@Component
class StatisticsListener {

    private final RecordingDossierEvents recording;

    StatisticsListener(RecordingDossierEvents recording) {
        this.recording = recording;
    }

    /** The actions {@link RecordingDossierEvents} counts in {@code statistics_day} and {@code statistics_month}. */
    static final String COUNTED = "{'RECEIVED', 'SUPPLEMENT_REQUESTED', 'REFUSED', 'WITHDRAWN', 'RESOLVED', 'RETURNED'}";

    @ApplicationModuleListener(condition = COUNTED + ".contains(#root.args[0].action())")
    void on(DossierStatusChanged event) {
        recording.record(event);
    }

    @EventListener(condition = "!" + COUNTED + ".contains(#root.args[0].action())")
    void during(DossierStatusChanged event) {
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
