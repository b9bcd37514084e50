package vn.gov.egov.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.dossier.Dossiers;
import vn.gov.egov.personaldata.InvalidPersonalData;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.PhoneNumber;

/**
 * Turns a dossier's status change into one message per channel the applicant can be reached by (e-mail, a mobile
 * number for SMS) and records them, sealed, in the listener's transaction; {@link SendingNotifications} sends them in
 * batches. A change already recorded (a redelivered event) records and sends nothing. A channel that is not
 * configured is recorded as SKIPPED with the reason.
 */
@Component
class NotifyingApplicants {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingApplicants.class);

    /** The moves whose messages say how the result is returned. */
    private static final java.util.Set<String> RESULT_ACTIONS = java.util.Set.of("RESOLVED", "RETURNED");

    private final Set<NotificationChannel> skippedLogged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Dossiers dossiers;
    private final DossierProgress progress;
    private final MessageTemplates templates;
    private final NotificationStore store;
    private final SendingNotifications sending;
    private final PersonalDataProtection protection;

    NotifyingApplicants(Dossiers dossiers, DossierProgress progress, MessageTemplates templates, NotificationStore store,
                        SendingNotifications sending, PersonalDataProtection protection) {
        this.dossiers = dossiers;
        this.progress = progress;
        this.templates = templates;
        this.store = store;
        this.sending = sending;
        this.protection = protection;
    }

    /**
     * Records the messages (one insert) in the caller's transaction; the sender is woken once it commits. Returns the
     * ids of the messages to send (none for a change already notified or a channel not configured).
     */
    @Transactional
    List<UUID> notify(DossierStatusChanged event) {
        Optional<Dossiers.ApplicantContact> contact = dossiers.contactOf(event.dossierCode());
        if (contact.isEmpty()) {
            LOG.warn("Dossier {} ({}): no such dossier, nobody notified", event.dossierCode(), event.action());
            return List.of();
        }
        Dossiers.ApplicantContact applicant = contact.get();
        List<NotificationRow> rows = new ArrayList<>(2);
        String email = applicant.email() == null ? "" : applicant.email().strip();
        ResultDelivery delivery = RESULT_ACTIONS.contains(event.action())
                ? progress.brief(event.dossierId()).map(DossierProgress.Brief::resultDelivery).orElse(null) : null;
        Instant now = Instant.now();
        if (email.contains("@")) {
            MessageTemplates.Message message = templates.email(event, applicant.name(), delivery);
            rows.add(row(event, NotificationChannel.EMAIL, email, maskedEmail(email), message, now));
        }
        mobile(applicant.phoneNumber()).ifPresent(phone ->
                rows.add(row(event, NotificationChannel.SMS, phone.value(), phone.masked(), templates.sms(event, delivery), now)));
        if (email.isEmpty() && applicant.phoneNumber() == null) {
            LOG.info("Dossier {} ({}): the applicant left no e-mail and no mobile number, nobody notified", event.dossierCode(), event.action());
        }
        Set<UUID> inserted = store.insertAll(rows);
        List<UUID> pending = new ArrayList<>(rows.size());
        for (NotificationRow row : rows) {
            if (!inserted.contains(row.id())) {
                LOG.info("Dossier {} ({} at {}): {} already recorded, not sent again", event.dossierCode(), event.action(), event.at(),
                        row.channel());
            } else if (row.status() == NotificationStatus.SKIPPED) {
                sending.count(row.channel(), "skipped");
                // the row and the metric record each one; the log says it once per channel (then at DEBUG)
                if (skippedLogged.add(row.channel())) {
                    LOG.info("Dossier {} ({}): {} to {} SKIPPED: {} (further SKIPPED messages are logged at DEBUG)", event.dossierCode(),
                            event.action(), row.channel(), row.recipientMasked(), row.lastError());
                } else {
                    LOG.debug("Dossier {} ({}): {} to {} SKIPPED: {}", event.dossierCode(), event.action(), row.channel(),
                            row.recipientMasked(), row.lastError());
                }
            } else {
                pending.add(row.id());
            }
        }
        if (!pending.isEmpty()) {
            sending.wakeAfterCommit();
        }
        return pending;
    }

    private NotificationRow row(DossierStatusChanged event, NotificationChannel channel, String recipient, String masked,
                                MessageTemplates.Message message, Instant now) {
        Optional<String> unavailable = sending.carrier(channel).unavailable();
        return new NotificationRow(UUID.randomUUID(), event.dossierCode(), event.action(), event.at(), channel,
                protection.seal(NotificationStore.RECIPIENT, recipient), masked, message.template(), message.subject(),
                protection.seal(NotificationStore.BODY, message.body()),
                unavailable.isPresent() ? NotificationStatus.SKIPPED : NotificationStatus.PENDING, 0, unavailable.orElse(null), null,
                now, now, unavailable.isPresent() ? null : now, null);
    }

    private static Optional<PhoneNumber> mobile(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumber.of(phone)).filter(PhoneNumber::isMobile);
        } catch (InvalidPersonalData e) {
            return Optional.empty();
        }
    }

    /** {@code ng***@example.vn}: the first two characters of the mailbox and the domain. */
    static String maskedEmail(String email) {
        int at = email.lastIndexOf('@');
        String local = email.substring(0, at);
        return local.substring(0, Math.min(2, local.length())) + "***" + email.substring(at);
    }
}
