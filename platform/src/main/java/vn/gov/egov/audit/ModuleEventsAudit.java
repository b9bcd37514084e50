package vn.gov.egov.audit;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendarChanged;
import vn.gov.egov.catalog.CatalogChanged;

/**
 * Changes other modules announce by event, recorded after their commit through the event outbox (so also after a
 * restart). These events name the user but not the request, so such entries carry no IP or user agent.
 */
@Component
class ModuleEventsAudit {

    /** Codes listed in one entry; a large import names the first ones and counts them all. */
    static final int MAX_CODES = 100;

    private final AuditTrail trail;

    ModuleEventsAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(AuditableEventOccurred event) {
        trail.record(event.record());
    }

    @ApplicationModuleListener
    void on(CatalogChanged change) {
        List<String> codes = change.codes() == null ? List.of() : change.codes();
        trail.record(AuditRecord.builder("CATALOG_" + change.kind(), Outcome.SUCCESS)
                .at(change.changedAt())
                .actor(actor(change.changedBy()))
                .object("catalog", change.catalog())
                .detail("changeId", change.changeId())
                .detail("revision", change.revision())
                .detail("codeCount", codes.size())
                .detail("codes", String.join(",", codes.subList(0, Math.min(codes.size(), MAX_CODES))))
                .build());
    }

    @ApplicationModuleListener
    void on(WorkingCalendarChanged change) {
        trail.record(AuditRecord.builder("CALENDAR_" + change.change().name(), Outcome.SUCCESS)
                .at(change.changedAt())
                .actor(actor(change.changedBy()))
                .object("calendar-day", change.date().toString())
                .detail("year", change.year())
                .build());
    }

    private static Actor actor(String user) {
        return user == null || Actor.SYSTEM_ID.equals(user) ? Actor.system() : Actor.user(user);
    }
}
