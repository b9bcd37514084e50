/**
 * Audit trail (nhật ký hệ thống): logins, logouts and failures, refused accesses, permission changes and every
 * change to a business record, with who, what, when, from where and the outcome. Append-only and hash-chained, so
 * that an altered or deleted entry is found by verification; searchable by auditors; shipped to the SOC.
 * <p>
 * API: {@link vn.gov.egov.audit.AuditTrail} (record inside your own transaction) or the event
 * {@link vn.gov.egov.audit.AuditableEventOccurred} (recorded after your commit, through the event outbox), with the
 * records {@link vn.gov.egov.audit.AuditRecord}, {@link vn.gov.egov.audit.Actor},
 * {@link vn.gov.egov.audit.ChangedValue} and {@link vn.gov.egov.audit.Outcome}. Everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package vn.gov.egov.audit;
