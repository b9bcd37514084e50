package vn.gov.egov.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code notification}; recipient and body still sealed. An applicant's message is about a dossier
 * ({@code dossierCode}), one per channel; an official's message names what it is about ({@code subjectRef}, e.g.
 * {@code lgsp-alert:<id>}, with {@code dossierCode} when it concerns one) and whom ({@code recipientKey}, a blind index
 * of the address).
 */
record NotificationRow(UUID id, String dossierCode, String eventAction, Instant eventAt, NotificationChannel channel,
                       String recipientSealed, String recipientMasked, String template, String subject, String bodySealed,
                       NotificationStatus status, int attempts, String lastError, String providerId, Instant createdAt,
                       Instant updatedAt, Instant nextAttemptAt, Instant sentAt, String subjectRef, String recipientKey) {

    /** An applicant's message. */
    NotificationRow(UUID id, String dossierCode, String eventAction, Instant eventAt, NotificationChannel channel,
                    String recipientSealed, String recipientMasked, String template, String subject, String bodySealed,
                    NotificationStatus status, int attempts, String lastError, String providerId, Instant createdAt,
                    Instant updatedAt, Instant nextAttemptAt, Instant sentAt) {
        this(id, dossierCode, eventAction, eventAt, channel, recipientSealed, recipientMasked, template, subject, bodySealed, status,
                attempts, lastError, providerId, createdAt, updatedAt, nextAttemptAt, sentAt, null, null);
    }

    /** What the carrier keeps with the message: the dossier code, else what the message is about. */
    String reference() {
        return dossierCode != null ? dossierCode : subjectRef;
    }
}
