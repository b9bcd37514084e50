package vn.gov.egov.audit;

/**
 * Publish this instead of calling {@link AuditTrail} when the record should be written after your transaction
 * commits: the event outbox delivers it even across a restart. Fill in the request's source IP, user agent and
 * request id before publishing ({@link AuditRecord.Builder#fromCurrentRequest()}): they are gone by then.
 */
public record AuditableEventOccurred(AuditRecord record) {
}
