package vn.gov.egov.notification;

/** PENDING until sent; FAILED after the last attempt or a permanent refusal; SKIPPED when the channel is not configured. */
enum NotificationStatus {
    PENDING, SENT, FAILED, SKIPPED
}
