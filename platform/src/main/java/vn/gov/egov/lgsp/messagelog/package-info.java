/**
 * The LGSP's message log: a record of every gateway call (and every published or delivered event) — metadata always,
 * bodies sealed when the service asks for it — written in batches off the caller's thread, hash-chained and
 * verifiable like the audit trail, kept per security level.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LGSP message log")
package vn.gov.egov.lgsp.messagelog;
