package vn.gov.egov.notification;

/** How a message reaches the applicant. */
enum NotificationChannel {
    EMAIL, SMS
}
