package vn.gov.national.simulator.nationalportal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.gov.national.simulator.JsonBodyCheck;

/**
 * A status of one of the province's dossiers, whatever its channel, reported to the national portal. Channels: 1 in
 * person, 2 online, 3 public postal service; statuses 1 newly submitted … 10 result returned. {@code reportKey}, the
 * province's unique id of the report, makes a report sent again (a retry, a redelivered event) a no-op.
 */
record StatusReport(long reportId, String reportKey, Instant receivedAt, String dossierCode, String portalDossierId, String procedureCode,
                    int channel, int status, String statusText, Instant at, LocalDate appointmentDate, String note) {

    static StatusReport from(JsonNode body, long reportId, Instant receivedAt) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String reportKey = check.optionalText("reportKey");
        if (reportKey != null && reportKey.length() > 100) {
            check.fail("reportKey", "max-length", "Trường 'reportKey' tối đa 100 ký tự");
        }
        String dossierCode = check.requiredText("dossierCode");
        String portalDossierId = check.optionalText("portalDossierId");
        String procedureCode = check.procedureCode("procedureCode");
        Integer channel = check.integerBetween("channel", 1, 3);
        Integer status = check.integerBetween("status", 1, 10);
        String statusText = check.optionalText("statusText");
        Instant at = check.instant("at");
        LocalDate appointmentDate = check.optionalDate("appointmentDate");
        String note = check.optionalText("note");
        check.verify();
        return new StatusReport(reportId, reportKey, receivedAt, dossierCode, portalDossierId, procedureCode, channel, status,
                statusText, at, appointmentDate, note);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reportId", reportId);
        json.put("reportKey", reportKey);
        json.put("receivedAt", receivedAt.toString());
        json.put("dossierCode", dossierCode);
        json.put("portalDossierId", portalDossierId);
        json.put("procedureCode", procedureCode);
        json.put("channel", channel);
        json.put("status", status);
        json.put("statusText", statusText);
        json.put("at", at.toString());
        json.put("appointmentDate", appointmentDate == null ? null : appointmentDate.toString());
        json.put("note", note);
        return json;
    }
}
