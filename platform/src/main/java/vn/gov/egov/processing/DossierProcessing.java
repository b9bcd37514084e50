package vn.gov.egov.processing;

import java.util.List;
import java.util.UUID;

/** Processing as other modules read it: a dossier's steps, and whether its route is under way. */
public interface DossierProcessing {

    /** The dossier's steps in order (done and open); empty when processing has not started. */
    List<ProcessingStep> steps(UUID dossierId);

    /** The open steps of the dossier (usually one). */
    default List<ProcessingStep> openSteps(UUID dossierId) {
        return steps(dossierId).stream().filter(ProcessingStep::open).toList();
    }
}
