package vn.gov.egov.audit;

/**
 * Where every module writes what must be auditable. {@link #record} joins the caller's transaction when there is
 * one, so the entry exists exactly when the change it describes was committed; it costs one INSERT and takes no
 * lock. The entry joins the hash chain a moment later (normally within a second) and only then appears in searches.
 * <p>
 * A record without an actor is the authenticated user's of the current thread (the platform's when there is none).
 * When called while serving an HTTP request, a missing source IP, user agent or request id is taken from it. Do not
 * call it inside a read-only transaction: it writes.
 * Free text (changed values, details, the user agent) is stored with personal identification numbers and phone
 * numbers masked ({@code 020******123}); do not use such numbers as object ids.
 */
public interface AuditTrail {

    void record(AuditRecord record);
}
