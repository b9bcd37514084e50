package vn.gov.egov.nationalportal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierStatusChanged;

/**
 * Reports every status change of every dossier, whatever its channel, to the national portal: the listener only
 * enqueues the report (in its own transaction, so a failure leaves the event publication incomplete and it is
 * resubmitted, {@link PortalSchedule}); {@link SendingStatusReports} sends the queue in batches, woken once this
 * transaction commits. Each report carries its {@link #reportKey key}, so a report sent twice (a retry after a lost
 * answer, a redelivered event) is kept once on the portal.
 */
@Component
class StatusReporting {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StatusReportQueue queue;
    private final SendingStatusReports sending;

    StatusReporting(StatusReportQueue queue, SendingStatusReports sending) {
        this.queue = queue;
        this.sending = sending;
    }

    @ApplicationModuleListener
    void on(DossierStatusChanged changed) {
        if (changed.status().nationalCode() < 1) {
            return;
        }
        Map<String, Object> report = report(changed);
        if (queue.enqueue((String) report.get("reportKey"), changed.dossierCode(), changed.status().nationalCode(),
                JSON.writeValueAsString(report), Instant.now())) {
            sending.wakeAfterCommit();
        }
    }

    static Map<String, Object> report(DossierStatusChanged changed) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reportKey", reportKey(changed));
        report.put("dossierCode", changed.dossierCode());
        if (changed.channel() == DossierChannel.NATIONAL_PORTAL && changed.externalReference() != null) {
            report.put("portalDossierId", changed.externalReference());
        }
        report.put("procedureCode", changed.procedureCode());
        report.put("channel", changed.channel().nationalCode());
        report.put("status", changed.status().nationalCode());
        report.put("statusText", changed.status().vietnameseName());
        report.put("at", changed.at().toString());
        if (changed.appointmentDate() != null) {
            report.put("appointmentDate", changed.appointmentDate().toString());
        }
        if (changed.note() != null && !changed.note().isBlank()) {
            report.put("note", changed.note());
        }
        return report;
    }

    /**
     * The report's unique id on the portal's side: the same for a redelivered event or a retry (the portal ignores one it
     * has seen), different for each move of the dossier — one dossier never makes two moves of one kind at one instant.
     */
    static String reportKey(DossierStatusChanged changed) {
        return UUID.nameUUIDFromBytes((changed.dossierId() + "|" + changed.action() + "|" + changed.at())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
