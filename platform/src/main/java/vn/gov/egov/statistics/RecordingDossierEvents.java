package vn.gov.egov.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierOutcome;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierRated;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.Procedures;

/**
 * Applies one dossier event to the read model and its rollups, in one transaction. Idempotent: each move is recorded
 * once (a redelivered event finds its time already set and counts nothing); tolerant of order: the status follows the
 * latest {@code at}, and each counter belongs to the day of its own event.
 */
@Service
class RecordingDossierEvents {

    private record ProcedureFacts(String name, String fieldCode, String level, Boolean feeRequired, LocalDate day) {
    }

    private final StatisticsStore store;
    private final Procedures procedures;
    private final DossierProgress dossiers;
    private final Map<String, ProcedureFacts> facts = new ConcurrentHashMap<>();

    RecordingDossierEvents(StatisticsStore store, Procedures procedures, DossierProgress dossiers) {
        this.store = store;
        this.procedures = procedures;
        this.dossiers = dossiers;
    }

    @Transactional
    public void record(DossierStatusChanged e) {
        ProcedureFacts procedure = facts(e.procedureCode(), e.procedureName(), e.at());
        if ("SUBMITTED".equals(e.action())) {
            // the first move of every online dossier, in the citizen's transaction: one statement
            store.submitted(e.dossierId(), e.dossierCode(), e.receivingAgency(), e.procedureCode(), procedure.fieldCode(),
                    procedure.level(), channel(e.channel()), e.status() == null ? null : e.status().name(), e.at(), e.dueAt());
            return;
        }
        StatisticsStore.Key key = store.ensure(e.dossierId(), e.dossierCode(), e.receivingAgency(), e.procedureCode(),
                procedure.fieldCode(), procedure.level(), channel(e.channel()));
        Map<Counter, Integer> deltas = StatisticsStore.deltas();
        UUID id = e.dossierId();
        switch (e.action()) {
            case "RECEIVED" -> {
                boolean digitized = dossiers.detail(id).map(d -> !d.documents().isEmpty()).orElse(false);
                Instant provisionalDue = e.appointmentDate() == null ? null
                        : e.appointmentDate().plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
                if (store.received(id, e.at(), provisionalDue, digitized, procedure.feeRequired()) && e.channel() != null) {
                    deltas.put(switch (e.channel()) {
                        case OWN_PORTAL, NATIONAL_PORTAL -> Counter.RECEIVED_ONLINE;
                        case IN_PERSON -> Counter.RECEIVED_IN_PERSON;
                        case BY_POST -> Counter.RECEIVED_BY_POST;
                    }, 1);
                    if (digitized) {
                        deltas.put(Counter.RECEIVED_DIGITIZED, 1);
                    }
                    if (Boolean.TRUE.equals(procedure.feeRequired())) {
                        deltas.put(Counter.RECEIVED_FEE, 1);
                    }
                }
            }
            case "SUPPLEMENT_REQUESTED" -> {
                if (store.supplementRequested(id, e.at())) {
                    deltas.put(Counter.SUPPLEMENT_REQUESTS, 1);
                }
            }
            case "REFUSED" -> {
                if (store.refused(id, e.at())) {
                    deltas.put(Counter.REFUSED, 1);
                }
            }
            case "WITHDRAWN" -> {
                if (store.withdrawn(id, e.at())) {
                    deltas.put(Counter.WITHDRAWN, 1);
                }
            }
            case "RESCHEDULED" -> store.rescheduled(id, e.at());
            case "RESOLVED" -> {
                String resolution = resolution(e.at(), e.dueAt(), e.late());
                if (store.resolved(id, e.at(), e.dueAt(), e.outcome() == null ? null : e.outcome().name(), resolution, e.late())) {
                    deltas.put(switch (resolution) {
                        case "LATE" -> Counter.RESOLVED_LATE;
                        case "EARLY" -> Counter.RESOLVED_EARLY;
                        default -> Counter.RESOLVED_ON_TIME;
                    }, 1);
                    if (e.outcome() == DossierOutcome.REFUSED) {
                        deltas.put(Counter.RESOLVED_REFUSED, 1);
                    }
                }
            }
            case "RETURNED" -> {
                if (store.returned(id, e.at())) {
                    deltas.put(Counter.RETURNED, 1);
                }
            }
            default -> {
                // SUPPLEMENTED, PROCESSING_STARTED and later actions only move the status and the due time
            }
        }
        store.moved(id, channel(e.channel()), e.status() == null ? null : e.status().name(), e.at(), e.dueAt());
        store.count(key, day(e.at()), deltas);
    }

    @Transactional
    public void record(DossierRated e) {
        ProcedureFacts procedure = facts(e.procedureCode(), null, e.at());
        StatisticsStore.Key key = store.ensure(e.dossierId(), e.dossierCode(), e.receivingAgency(), e.procedureCode(),
                procedure.fieldCode(), procedure.level(), null);
        if (store.rated(e.dossierId(), e.rating(), e.at())) {
            Map<Counter, Integer> deltas = StatisticsStore.deltas();
            deltas.put(Counter.RATINGS, 1);
            deltas.put(Counter.RATING_SUM, e.rating());
            if (e.rating() >= 4) {
                deltas.put(Counter.RATINGS_GOOD, 1);
            }
            store.count(key, day(e.at()), deltas);
        }
    }

    /**
     * A fee was paid ({@code online}: through PayGov). The payment module's {@code FeePaid} is not on this branch: its
     * listener calls this. A payment of a dossier not yet seen is refused so that the event is delivered again later.
     */
    @Transactional
    public void paid(UUID dossierId, boolean online, Instant at) {
        StatisticsStore.Key key = store.key(dossierId)
                .orElseThrow(() -> new IllegalStateException("statistics have not seen dossier " + dossierId + " yet"));
        if (store.paid(dossierId, online, at)) {
            Map<Counter, Integer> deltas = StatisticsStore.deltas();
            deltas.put(Counter.PAYMENTS, 1);
            if (online) {
                deltas.put(Counter.PAID_ONLINE, 1);
            }
            store.count(key, day(at), deltas);
        }
    }

    /** Late: after its due time or an apology was issued (the event says); early: resolved before the day it was due. */
    static String resolution(Instant resolvedAt, Instant dueAt, boolean late) {
        if (late || (dueAt != null && resolvedAt.isAfter(dueAt))) {
            return "LATE";
        }
        if (dueAt != null && day(resolvedAt).isBefore(day(dueAt))) {
            return "EARLY";
        }
        return "ON_TIME";
    }

    static LocalDate day(Instant at) {
        return at.atZone(WorkingCalendar.ZONE).toLocalDate();
    }

    private static String channel(DossierChannel channel) {
        return channel == null ? null : channel.name();
    }

    /** The procedure's field, level and fees as the catalog has them on the day of the event (remembered for a day). */
    private ProcedureFacts facts(String code, String eventName, Instant at) {
        LocalDate day = day(at);
        ProcedureFacts known = facts.get(code);
        if (known != null && known.day().equals(day)) {
            return known;
        }
        Optional<Procedure> found = procedures.find(code, day);
        if (found.isEmpty()) {
            var versions = procedures.versions(code);
            found = versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
        }
        ProcedureFacts f = found.map(p -> new ProcedureFacts(p.name(), p.fieldCode() == null ? "" : p.fieldCode(),
                        p.level() == null ? "" : p.level().name(), p.fees().stream().anyMatch(fee -> !fee.free()), day))
                .orElse(new ProcedureFacts(eventName == null ? code : eventName, "", "", null, day));
        store.rememberProcedure(code, eventName != null ? eventName : found.map(Procedure::name).orElse(null), f.fieldCode(), f.level());
        if (facts.size() > 20_000) {
            facts.clear();
        }
        facts.put(code, f);
        return f;
    }
}
