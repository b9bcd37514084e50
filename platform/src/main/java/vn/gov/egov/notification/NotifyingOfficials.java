package vn.gov.egov.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.identity.OfficialMailbox;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Role;
import vn.gov.egov.lgsp.LgspAlertRaised;
import vn.gov.egov.lgsp.LgspAlertResolved;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.PhoneNumber;
import vn.gov.egov.processing.StepOverdue;

/**
 * Messages to officials: an overdue step to the unit's heads, an LGSP alert (opened, resolved) to the LGSP operators
 * and the addresses of {@code egov.lgsp.monitoring.alerts.mail-to}. An e-mail to each recipient with an address and an
 * SMS to each with a mobile number, recorded sealed in the listener's transaction like the applicants' messages
 * ({@link SendingNotifications} sends them); a redelivered event records nothing twice. When nobody can be reached,
 * one SKIPPED row says why.
 */
@Component
class NotifyingOfficials {

    static final String STEP_OVERDUE = "STEP_OVERDUE";
    static final String LGSP_ALERT_OPENED = "LGSP_ALERT_OPENED";
    static final String LGSP_ALERT_RESOLVED = "LGSP_ALERT_RESOLVED";
    /** The purpose of the recipients' blind index (one message per recipient and event). */
    static final String RECIPIENT_KEY = "notification.notification.recipient_key";
    /** The recipient key and the masked recipient of the row that records that nobody could be reached. */
    static final String NOBODY = "none";
    static final String NOBODY_MASKED = "(không có người nhận)";

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingOfficials.class);

    /** Someone to reach: an official (by name; e-mail and mobile each optional) or a configured address ({@code name} null). */
    record Recipient(String name, String email, String mobile) {

        Recipient(String name, String email) {
            this(name, email, null);
        }
    }

    private final Officials officials;
    private final MessageTemplates templates;
    private final NotificationStore store;
    private final SendingNotifications sending;
    private final PersonalDataProtection protection;
    private final List<String> lgspMailTo;

    NotifyingOfficials(Officials officials, MessageTemplates templates, NotificationStore store, SendingNotifications sending,
                       PersonalDataProtection protection, @Value("${egov.lgsp.monitoring.alerts.mail-to:}") String lgspMailTo) {
        this.officials = officials;
        this.templates = templates;
        this.store = store;
        this.sending = sending;
        this.protection = protection;
        this.lgspMailTo = addresses(lgspMailTo);
    }

    /** The heads of the step's unit ({@link StepOverdue#recipientGroup()}: {@code ROLE@agency} or {@code ROLE@agency/unit}). */
    @Transactional
    List<UUID> notify(StepOverdue event) {
        String group = event.recipientGroup();
        int at = group == null ? -1 : group.indexOf('@');
        Role role = at < 0 ? null : role(group.substring(0, at));
        String place = at < 0 ? "" : group.substring(at + 1);
        String agency = place.contains("/") ? place.substring(0, place.indexOf('/')) : place;
        String unit = place.contains("/") ? place.substring(place.indexOf('/') + 1) : null;
        List<OfficialMailbox> heads = role == null || agency.isEmpty() ? List.of() : officials.mailboxes(role, agency, unit);
        List<Recipient> recipients = heads.stream().filter(h -> h.email() != null || h.mobile() != null)
                .map(h -> new Recipient(h.fullName(), h.email(), h.mobile())).toList();
        String roleName = (role == null ? group : role.vietnameseName() + " " + place);
        String nobody = heads.isEmpty()
                ? "Không có cán bộ nào đang giữ vai trò " + roleName + ": không gửi được thư báo bước quá hạn."
                : heads.size() + " cán bộ giữ vai trò " + roleName + " chưa có địa chỉ thư điện tử hay số điện thoại di động:"
                + " không gửi được thư báo bước quá hạn.";
        String holder = event.holder() == null ? null
                : officials.byUsername(event.holder()).map(o -> o.fullName() + " (" + o.username() + ")").orElse(event.holder());
        return record(STEP_OVERDUE, event.dossierCode(), "overdue-step:" + event.stepId(), event.raisedAt(), recipients,
                r -> templates.overdueStep(event, r == null ? null : r.name(), holder), () -> templates.overdueStepSms(event), nobody);
    }

    @Transactional
    List<UUID> notify(LgspAlertRaised event) {
        return record(LGSP_ALERT_OPENED, null, "lgsp-alert:" + event.alertId(), event.at(), lgspOperators(),
                r -> templates.lgspAlert(LGSP_ALERT_OPENED, r == null ? null : r.name(), event.kindName(), event.key(), event.subject(),
                        event.detail(), event.at(), null, event.node()),
                () -> templates.lgspAlertSms(LGSP_ALERT_OPENED, event.kindName(), event.key(), event.subject(), event.at(), null), NOBODY_LGSP);
    }

    @Transactional
    List<UUID> notify(LgspAlertResolved event) {
        return record(LGSP_ALERT_RESOLVED, null, "lgsp-alert:" + event.alertId(), event.at(), lgspOperators(),
                r -> templates.lgspAlert(LGSP_ALERT_RESOLVED, r == null ? null : r.name(), event.kindName(), event.key(), event.subject(),
                        event.detail(), event.openedAt(), event.at(), event.node()),
                () -> templates.lgspAlertSms(LGSP_ALERT_RESOLVED, event.kindName(), event.key(), event.subject(), event.openedAt(), event.at()),
                NOBODY_LGSP);
    }

    private static final String NOBODY_LGSP = "Không có cán bộ vận hành LGSP nào có địa chỉ thư điện tử hay số di động và chưa cấu hình"
            + " egov.lgsp.monitoring.alerts.mail-to: không gửi được thư cảnh báo LGSP.";

    /** The active LGSP operators with an address or a mobile number, then the configured addresses; each address once. */
    private List<Recipient> lgspOperators() {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (OfficialMailbox operator : officials.mailboxes(Role.LGSP_OPERATOR, null, null)) {
            if (operator.email() != null || operator.mobile() != null) {
                byAddress.putIfAbsent(operator.email() != null ? operator.email().toLowerCase(Locale.ROOT) : "sms:" + operator.mobile(),
                        new Recipient(operator.fullName(), operator.email(), operator.mobile()));
            }
        }
        for (String address : lgspMailTo) {
            byAddress.putIfAbsent(address.toLowerCase(Locale.ROOT), new Recipient(null, address));
        }
        return List.copyOf(byAddress.values());
    }

    /**
     * Records one message per recipient (or the SKIPPED row saying why nobody is reached), one insert, in the caller's
     * transaction; wakes the sender after it commits. Returns the ids of the messages to send.
     */
    private List<UUID> record(String action, String dossierCode, String subjectRef, Instant eventAt, List<Recipient> recipients,
                              Function<Recipient, MessageTemplates.Message> render, Supplier<MessageTemplates.Message> smsText, String nobody) {
        Instant now = Instant.now();
        Optional<String> unavailable = sending.carrier(NotificationChannel.EMAIL).unavailable();
        Optional<String> smsUnavailable = sending.carrier(NotificationChannel.SMS).unavailable();
        List<NotificationRow> rows = new ArrayList<>(Math.max(1, recipients.size()));
        if (recipients.isEmpty()) {
            MessageTemplates.Message message = render.apply(null);
            rows.add(new NotificationRow(UUID.randomUUID(), dossierCode, action, eventAt, NotificationChannel.EMAIL, null, NOBODY_MASKED,
                    message.template(), message.subject(), protection.seal(NotificationStore.BODY, message.body()), NotificationStatus.SKIPPED,
                    0, nobody, null, now, now, null, null, subjectRef, NOBODY));
        }
        // the SMS is the same for every recipient: rendered once, and only when someone has a mobile number
        MessageTemplates.Message sms = recipients.stream().anyMatch(r -> r.mobile() != null) ? smsText.get() : null;
        for (Recipient recipient : recipients) {
            String email = recipient.email();
            if (email != null) {
                MessageTemplates.Message message = render.apply(recipient);
                rows.add(new NotificationRow(UUID.randomUUID(), dossierCode, action, eventAt, NotificationChannel.EMAIL,
                        protection.seal(NotificationStore.RECIPIENT, email), NotifyingApplicants.maskedEmail(email), message.template(),
                        message.subject(), protection.seal(NotificationStore.BODY, message.body()),
                        unavailable.isPresent() ? NotificationStatus.SKIPPED : NotificationStatus.PENDING, 0, unavailable.orElse(null), null,
                        now, now, unavailable.isPresent() ? null : now, null, subjectRef,
                        protection.lookupKey(RECIPIENT_KEY, email.toLowerCase(Locale.ROOT))));
            }
            if (recipient.mobile() != null) {
                rows.add(new NotificationRow(UUID.randomUUID(), dossierCode, action, eventAt, NotificationChannel.SMS,
                        protection.seal(NotificationStore.RECIPIENT, recipient.mobile()), PhoneNumber.of(recipient.mobile()).masked(),
                        sms.template(), null, protection.seal(NotificationStore.BODY, sms.body()),
                        smsUnavailable.isPresent() ? NotificationStatus.SKIPPED : NotificationStatus.PENDING, 0, smsUnavailable.orElse(null),
                        null, now, now, smsUnavailable.isPresent() ? null : now, null, subjectRef,
                        protection.lookupKey(RECIPIENT_KEY, "sms:" + recipient.mobile())));
            }
        }
        Set<UUID> inserted = store.insertAll(rows);
        List<UUID> pending = new ArrayList<>(rows.size());
        for (NotificationRow row : rows) {
            if (!inserted.contains(row.id())) {
                LOG.info("{} ({} at {}): message to {} already recorded, not sent again", subjectRef, action, eventAt, row.recipientMasked());
            } else if (row.status() == NotificationStatus.SKIPPED) {
                sending.count(row.channel(), "skipped");
                LOG.warn("{} ({}): message to {} SKIPPED: {}", subjectRef, action, row.recipientMasked(), row.lastError());
            } else {
                pending.add(row.id());
            }
        }
        if (!pending.isEmpty()) {
            LOG.info("{} ({}): {} message(s) to officials recorded", subjectRef, action, pending.size());
            sending.wakeAfterCommit();
        }
        return pending;
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The comma-separated addresses; an entry that is no address is left out (and said so, masked). */
    static List<String> addresses(String list) {
        List<String> addresses = new ArrayList<>();
        if (list == null) {
            return addresses;
        }
        for (String entry : list.split(",")) {
            String address = entry.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                addresses.add(address);
            } else {
                LOG.warn("egov.lgsp.monitoring.alerts.mail-to: \"{}\" is not an e-mail address, left out",
                        address.length() <= 2 ? "***" : address.substring(0, 2) + "***");
            }
        }
        return List.copyOf(addresses);
    }
}
