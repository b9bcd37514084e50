/**
 * Notifications (thông báo) to applicants at every status change of their dossier: e-mail over SMTP and SMS through
 * the SMS gateway. Each message is recorded first (recipient sealed), then sent in batches; failures are retried with backoff
 * up to a limit and stay visible to the province administrator on {@code /admin/notifications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package vn.gov.egov.notification;
