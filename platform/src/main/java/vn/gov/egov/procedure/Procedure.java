package vn.gov.egov.procedure;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a procedure, valid from {@code validFrom} (inclusive) until {@code validTo} (exclusive; {@code null}
 * while it still applies). {@code sampleCode}: the national code is a sample, not verified against the national
 * database; {@code demonstration}: demonstration data.
 */
public record Procedure(String code, boolean sampleCode, String name, String fieldCode, ProcedureLevel level,
                        String competentAgency, List<String> implementingAgencies, List<Channel> channels,
                        OnlineLevel onlineLevel, List<RequiredDocument> documents, ProcessingTime processingTime,
                        List<Fee> fees, String resultType, String conditions, String legalBasis,
                        String publishingDecision, LocalDate validFrom, LocalDate validTo, boolean demonstration) {

    public Procedure {
        implementingAgencies = List.copyOf(implementingAgencies);
        channels = List.copyOf(channels);
        documents = List.copyOf(documents);
        fees = List.copyOf(fees);
    }

    public boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
