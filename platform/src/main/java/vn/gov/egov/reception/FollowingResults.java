package vn.gov.egov.reception;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.gov.egov.dossier.DossierActionRefused;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.ResultDelivery;

/**
 * Keeps the desk's list of results to return from the dossiers' moves, and returns online the results of the
 * dossiers whose applicants asked for them online (the citizen downloads the result from their dossier's page).
 */
@Component
class FollowingResults {

    static final DossierProgress.Actor SYSTEM = new DossierProgress.Actor("system", "Hệ thống");
    private static final Logger LOG = LoggerFactory.getLogger(FollowingResults.class);

    private final DossierProgress progress;
    private final ResultsToReturn results;

    FollowingResults(DossierProgress progress, ResultsToReturn results) {
        this.progress = progress;
        this.results = results;
    }

    /**
     * Only a resolution and a return change the desk's list. In the dossier's own transaction: the list is this
     * module's table and changes with the dossier, or not at all (no event publication to keep and complete).
     */
    @EventListener(condition = "{'RESOLVED', 'RETURNED'}.contains(#root.args[0].action())")
    void on(DossierStatusChanged changed) {
        if (changed.action().equals("RESOLVED")) {
            progress.brief(changed.dossierId()).ifPresent(d -> results.resolved(new ResultsToReturn.Waiting(changed.dossierId(),
                    changed.dossierCode(), changed.receivingAgency(), changed.procedureName(), d.summary().applicantName(),
                    d.summary().businessName(), d.resultDelivery(), changed.outcome(), d.summary().appointmentDate(), changed.late(),
                    changed.at())));
        } else if (changed.action().equals("RETURNED")) {
            results.returned(changed.dossierId(), changed.dossierCode(), changed.at());
        }
    }

    /**
     * Outside a transaction of its own: the dossier module's move runs in its own, and a refusal there (returned
     * already: a redelivered event, or the desk was faster) must not spoil one of ours. Redelivered until it completes.
     */
    @Async
    @TransactionalEventListener(condition = "#root.args[0].action() == 'RESOLVED'")
    void returnOnline(DossierStatusChanged changed) {
        if (!changed.action().equals("RESOLVED")) {
            return;
        }
        DossierProgress.Brief dossier = progress.brief(changed.dossierId()).orElse(null);
        if (dossier == null || dossier.resultDelivery() != ResultDelivery.ONLINE || dossier.summary().status() != DossierStatus.RESOLVED) {
            return;
        }
        try {
            progress.returnResult(changed.dossierId(), SYSTEM, ResultDelivery.ONLINE, null);
        } catch (DossierActionRefused e) {
            DossierStatus now = progress.brief(changed.dossierId()).map(d -> d.summary().status()).orElse(null);
            if (now == DossierStatus.RESOLVED) {
                throw e;
            }
            LOG.debug("Dossier {}: returned already ({})", changed.dossierCode(), now);
        }
    }
}
