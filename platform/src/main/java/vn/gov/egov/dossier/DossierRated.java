package vn.gov.egov.dossier;

import java.time.Instant;
import java.util.UUID;

/** The applicant rated their satisfaction (1 very unsatisfied … 5 very satisfied) after the result was returned. */
public record DossierRated(UUID dossierId, String dossierCode, String procedureCode, String receivingAgency, int rating,
                           Instant at) {
}
