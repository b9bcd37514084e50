package vn.gov.egov.procedure;

import java.util.List;

/** A procedure in a list of results. */
public record ProcedureSummary(String code, boolean sampleCode, String name, String fieldCode, String fieldName,
                               ProcedureLevel level, String competentAgency, List<String> implementingAgencies,
                               OnlineLevel onlineLevel, ProcessingTime processingTime, boolean demonstration) {
}
