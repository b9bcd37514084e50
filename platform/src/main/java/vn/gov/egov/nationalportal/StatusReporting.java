package vn.gov.egov.nationalportal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierStatusChanged;

/**
 * Reports every status change of every dossier, whatever its channel, to the national portal. A report that fails
 * (portal unreachable, 5xx) throws, so its event publication stays incomplete and is resubmitted later
 * ({@link PortalSchedule}); a report the portal refuses as wrong (4xx) is logged and not sent again. Each report carries
 * its {@link #reportKey key}, so a report sent twice (a retry after a lost answer, a redelivered event) is kept once.
 */
@Component
class StatusReporting {

    private static final Logger LOG = LoggerFactory.getLogger(StatusReporting.class);

    private final NationalPortalClient portal;

    StatusReporting(NationalPortalClient portal) {
        this.portal = portal;
    }

    @ApplicationModuleListener
    void on(DossierStatusChanged changed) {
        if (changed.status().nationalCode() < 1) {
            return;
        }
        try {
            portal.report(report(changed));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 408 || e.getStatusCode().value() == 429) {
                throw e;
            }
            LOG.error("national portal refused the status report of dossier {} ({}): {}", changed.dossierCode(), changed.action(),
                    e.getResponseBodyAsString());
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
