package vn.gov.egov.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Dossiers' payments as other modules read them (processing, statistics). */
public interface Payments {

    /**
     * The state of the dossier's current payment request (the one not cancelled, else the latest cancelled one);
     * empty when the dossier has none (no fees).
     */
    Optional<PaymentState> stateOf(UUID dossierId);

    /** {@link #stateOf} for many dossiers at once; dossiers without a payment are left out. */
    Map<UUID, PaymentState> statesOf(Collection<UUID> dossierIds);

    /** How many payments were paid online in {@code [from, to)}: the "online payment" input of Decision 766. */
    long paidOnline(Instant from, Instant to);
}
