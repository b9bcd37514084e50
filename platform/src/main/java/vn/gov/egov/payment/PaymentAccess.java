package vn.gov.egov.payment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.Dossiers;
import vn.gov.egov.identity.Citizens;

/** Who may see a dossier's payments: the citizen who owns it, and the one-stop officers of its receiving agency. */
@Component
class PaymentAccess {

    private final Dossiers dossiers;
    private final DossierReception reception;
    private final PaymentStore store;
    private final DossierFiles files;

    PaymentAccess(Dossiers dossiers, DossierReception reception, PaymentStore store, DossierFiles files) {
        this.dossiers = dossiers;
        this.reception = reception;
        this.store = store;
        this.files = files;
    }

    /** The dossier, when the caller is its owner or an officer of its receiving agency; otherwise empty (404). */
    Optional<DossierDetail> visible(Authentication caller, String code) {
        if (caller == null) {
            return Optional.empty();
        }
        Optional<UUID> citizen = Citizens.accountIdOf(caller);
        if (citizen.isPresent()) {
            return dossiers.ofApplicant(citizen.get(), code);
        }
        return reception.forOfficer(caller.getName(), code);
    }

    Optional<DossierDetail> ofCitizen(UUID account, String code) {
        return dossiers.ofApplicant(account, code);
    }

    Optional<DossierDetail> ofOfficer(String username, String code) {
        return reception.forOfficer(username, code);
    }

    /** The current payment of the dossier (not cancelled), if any. */
    Optional<Payment> current(String code) {
        return store.ofDossier(code).stream().filter(p -> p.state() != PaymentState.CANCELLED).findFirst();
    }

    /** The receipt of the dossier's paid payment. */
    Optional<byte[]> receipt(String code) {
        return current(code).filter(p -> p.state() == PaymentState.PAID && p.receiptSha256() != null)
                .flatMap(p -> files.content(p.receiptSha256()));
    }
}
