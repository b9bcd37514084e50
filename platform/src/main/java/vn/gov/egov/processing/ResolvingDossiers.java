package vn.gov.egov.processing;

import org.springframework.stereotype.Component;
import vn.gov.egov.dossier.DossierOutcome;
import vn.gov.egov.dossier.DossierProgress;

/**
 * The approving step's decision turned into the dossier's resolution. THE place where the result (licence, certificate,
 * refusal notice) will be generated and signed before resolving: today the dossier is resolved without a result
 * document ({@code resultId = null}).
 */
@Component
class ResolvingDossiers {

    private final DossierProgress progress;

    ResolvingDossiers(DossierProgress progress) {
        this.progress = progress;
    }

    void approve(ProcessingStore.ProcessedDossier dossier, DossierProgress.Actor leader, String resultTitle, String note) {
        String text = "Kết quả: " + resultTitle + (note == null || note.isBlank() ? "" : ". " + note.strip());
        progress.resolve(dossier.dossierId(), leader, DossierOutcome.APPROVED, null, text);
    }

    void refuse(ProcessingStore.ProcessedDossier dossier, DossierProgress.Actor leader, String reasons) {
        progress.resolve(dossier.dossierId(), leader, DossierOutcome.REFUSED, null, "Lý do: " + reasons);
    }
}
