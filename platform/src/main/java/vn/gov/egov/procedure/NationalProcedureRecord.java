package vn.gov.egov.procedure;

import java.util.List;

/**
 * A procedure as the national procedure database sends it (and as the demonstration file holds it). Enums and
 * dates stay text here: every record is validated on its own, so one bad value refuses one record, not the batch.
 */
record NationalProcedureRecord(String code, Boolean sampleCode, String name, String fieldCode, String level,
                               String competentAgency, List<String> implementingAgencies, List<String> channels,
                               String onlineLevel, List<Document> documents, Time processingTime, List<FeeItem> fees,
                               String resultType, String conditions, String legalBasis, String publishingDecision,
                               String validFrom, String validTo, Boolean demonstration, String updatedAt) {

    record Document(String name, Integer originals, Integer copies, String formTemplate) {
    }

    record Time(Integer value, String unit) {
    }

    record FeeItem(String name, Long amount, String note) {
    }

    record Batch(Boolean simulator, String note, List<NationalProcedureRecord> procedures) {
    }
}
