package vn.gov.egov.notification;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code notification}; recipient and body still sealed. */
record NotificationRow(UUID id, String dossierCode, String eventAction, Instant eventAt, NotificationChannel channel,
                       String recipientSealed, String recipientMasked, String template, String subject, String bodySealed,
                       NotificationStatus status, int attempts, String lastError, String providerId, Instant createdAt,
                       Instant updatedAt, Instant nextAttemptAt, Instant sentAt) {
}
