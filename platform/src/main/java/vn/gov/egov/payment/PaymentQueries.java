package vn.gov.egov.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link Payments} for other modules, and the page fragment's read ({@code ${@paymentFragments.current(code)}}). */
@Component("paymentFragments")
class PaymentQueries implements Payments {

    private final PaymentStore store;

    PaymentQueries(PaymentStore store) {
        this.store = store;
    }

    @Override
    public Optional<PaymentState> stateOf(UUID dossierId) {
        return Optional.ofNullable(store.statesOf(List.of(dossierId)).get(dossierId));
    }

    @Override
    public Map<UUID, PaymentState> statesOf(Collection<UUID> dossierIds) {
        return store.statesOf(dossierIds);
    }

    @Override
    public long paidOnline(Instant from, Instant to) {
        return store.paidBetween(from, to);
    }

    /** The dossier's current payment for the fragment: pages that include it have checked who may see the dossier. */
    public PaymentView current(String dossierCode) {
        return store.ofDossier(dossierCode).stream().findFirst().map(PaymentView::of).orElse(null);
    }
}
