/**
 * Results of dossiers (kết quả giải quyết): licences, certificates, decisions and refusal notices, rendered as PDF,
 * signed with the issuing agency's key, stored in the central repository and in the applicant's personal document
 * store, and verifiable by anyone on the public page {@code /verify/{resultId}} that their QR code leads to.
 * <p>
 * API: {@link vn.gov.egov.result.Results} ({@link vn.gov.egov.result.ResultIssue}, {@link vn.gov.egov.result.ResultType},
 * {@link vn.gov.egov.result.IssuedResult}, {@link vn.gov.egov.result.ResultDocument}) and the events
 * {@link vn.gov.egov.result.ResultIssued} and {@link vn.gov.egov.result.ResultRevoked}; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Results of dossiers")
package vn.gov.egov.result;
