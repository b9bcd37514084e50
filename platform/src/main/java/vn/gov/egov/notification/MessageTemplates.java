package vn.gov.egov.notification;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.processing.StepOverdue;

/**
 * The Vietnamese texts, from Thymeleaf TEXT templates an operator can change ({@code egov.notification.templates}):
 * {@code <ACTION>.email.txt} (first line the subject, then the body) and {@code <ACTION>.sms.txt}; an action without
 * its own templates uses {@code OTHER.*}. An SMS is kept within two UCS-2 segments: a note too long is shortened
 * (the SMS is then rendered a second time, with the shortened note). Officials' messages follow the same rule:
 * {@code STEP_OVERDUE.email.txt}, {@code LGSP_ALERT_OPENED.email.txt}, {@code LGSP_ALERT_RESOLVED.email.txt}, and the
 * same names with {@code .sms.txt} (cut to two segments, ending in an ellipsis when longer).
 * <p>
 * The messages are rendered in the transaction of the move that causes them, so an operator's template that is
 * missing or cannot be rendered never refuses a move: the built-in template is used instead, and the fault is logged
 * at ERROR once per template until a restart.
 */
@Component
class MessageTemplates {

    /** Two concatenated UCS-2 parts of 67 characters. */
    static final int SMS_MAX = 134;
    static final Set<String> ACTIONS = Set.of("SUBMITTED", "RECEIVED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "REFUSED", "WITHDRAWN",
            "PROCESSING_STARTED", "RESCHEDULED", "RESOLVED", "RETURNED");
    /** The dossier module's notes start with what happened; the templates say that already, so only the details are kept. */
    private static final Map<String, String> NOTE_PREFIXES = Map.of("SUPPLEMENT_REQUESTED", "Yêu cầu bổ sung",
            "REFUSED", "Từ chối tiếp nhận", "WITHDRAWN", "Người nộp rút hồ sơ");
    /** Notes whose details follow a marker: the apology's reason. */
    private static final Map<String, String> NOTE_AFTER = Map.of("RESCHEDULED", "Lý do:");
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final java.util.Locale VIETNAMESE = java.util.Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VIETNAM);

    /** A rendered message: the template's name, the subject (e-mail only) and the text. */
    record Message(String template, String subject, String body) {
    }

    static final String BUILT_IN = "classpath:/templates/notification/";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MessageTemplates.class);

    private final SpringTemplateEngine engine;
    /** The templates shipped with the platform, when the operator's are elsewhere; else null. */
    private final SpringTemplateEngine builtIn;
    private final String location;
    private final Set<String> faultsLogged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final String publicUrl;
    private final String smsLink;

    MessageTemplates(ApplicationContext context, NotificationSettings settings,
                     @Value("${egov.portal.public-url:http://localhost:8080}") String publicUrl) {
        this.location = settings.templates();
        this.engine = engine(context, location);
        this.builtIn = BUILT_IN.equals(location) ? null : engine(context, BUILT_IN);
        this.publicUrl = stripSlash(publicUrl);
        this.smsLink = settings.smsLink() == null || settings.smsLink().isBlank() ? this.publicUrl + "/tra-cuu-ho-so" : settings.smsLink().strip();
    }

    private static SpringTemplateEngine engine(ApplicationContext context, String prefix) {
        SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
        resolver.setApplicationContext(context);
        resolver.setPrefix(prefix);
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setEnableSpringELCompiler(true); // MIXED: compiled once an expression is stable, else interpreted
        return engine;
    }

    Message email(DossierStatusChanged event, String applicantName) {
        return email(event, applicantName, null);
    }

    /** @param delivery how the applicant receives the result, when known (for the result's messages) */
    Message email(DossierStatusChanged event, String applicantName, ResultDelivery delivery) {
        String name = name(event.action()) + ".email";
        String text = render(name, variables(event, applicantName, details(event), delivery)).strip();
        int newline = text.indexOf('\n');
        String subject = (newline < 0 ? text : text.substring(0, newline)).strip();
        String body = newline < 0 ? "" : text.substring(newline + 1).strip() + "\n";
        return new Message(name, subject, body);
    }

    Message sms(DossierStatusChanged event) {
        return sms(event, null);
    }

    Message sms(DossierStatusChanged event, ResultDelivery delivery) {
        String name = name(event.action()) + ".sms";
        String note = oneLine(details(event));
        String text = oneLine(render(name, variables(event, null, note, delivery)));
        if (text.length() > SMS_MAX && note != null && !note.isEmpty()) {
            // the text around the note (rendered again with a one-character note when the note is not found once in it),
            // less room for the ellipsis
            int at = text.indexOf(note);
            int around = at >= 0 && at == text.lastIndexOf(note) ? text.length() - note.length()
                    : oneLine(render(name, variables(event, null, "x", delivery))).length() - 1;
            int room = SMS_MAX - around - 1;
            note = room <= 0 ? "" : shorten(note, room);
            text = oneLine(render(name, variables(event, null, note, delivery))).replace("….", "…");
        }
        if (text.length() > SMS_MAX) {
            text = text.substring(0, SMS_MAX - 1) + "…";
        }
        return new Message(name, null, text);
    }

    /**
     * The e-mail to a unit's head about an overdue step.
     *
     * @param recipientName the head's name
     * @param holderName    who holds the step ({@code null}: nobody has claimed it)
     */
    Message overdueStep(StepOverdue event, String recipientName, String holderName) {
        return officialEmail(NotifyingOfficials.STEP_OVERDUE, overdueStepVariables(event, recipientName, holderName));
    }

    /** The SMS to a unit's head about an overdue step (the same for every head). */
    Message overdueStepSms(StepOverdue event) {
        return officialSms(NotifyingOfficials.STEP_OVERDUE, overdueStepVariables(event, null, null));
    }

    private Map<String, Object> overdueStepVariables(StepOverdue event, String recipientName, String holderName) {
        Map<String, Object> v = new HashMap<>();
        v.put("recipientName", recipientName);
        v.put("code", event.dossierCode());
        v.put("stepName", event.stepName());
        v.put("group", event.candidateGroup());
        v.put("groupName", event.candidateGroupName() == null ? event.candidateGroup() : event.candidateGroupName());
        v.put("due", event.dueAt() == null ? null : MOMENT.format(event.dueAt()));
        v.put("raisedAt", event.raisedAt() == null ? null : MOMENT.format(event.raisedAt()));
        v.put("holder", holderName);
        v.put("processingUrl", publicUrl + "/processing/dossiers/" + event.dossierCode());
        return v;
    }

    /** The e-mail to the LGSP operators about an alert that opened ({@code resolvedAt} null) or resolved. */
    Message lgspAlert(String action, String recipientName, String kindName, String key, String subject, String detail,
                      Instant openedAt, Instant resolvedAt, String node) {
        return officialEmail(action, lgspAlertVariables(recipientName, kindName, key, subject, detail, openedAt, resolvedAt, node));
    }

    /** The SMS to the LGSP operators about an alert that opened or resolved. */
    Message lgspAlertSms(String action, String kindName, String key, String subject, Instant openedAt, Instant resolvedAt) {
        return officialSms(action, lgspAlertVariables(null, kindName, key, subject, null, openedAt, resolvedAt, null));
    }

    private Map<String, Object> lgspAlertVariables(String recipientName, String kindName, String key, String subject, String detail,
                                                   Instant openedAt, Instant resolvedAt, String node) {
        Map<String, Object> v = new HashMap<>();
        v.put("recipientName", recipientName);
        v.put("kindName", kindName);
        v.put("key", key);
        v.put("subject", subject);
        v.put("detail", detail);
        v.put("openedAt", openedAt == null ? null : MOMENT.format(openedAt));
        v.put("resolvedAt", resolvedAt == null ? null : MOMENT.format(resolvedAt));
        v.put("node", node);
        v.put("monitoringUrl", publicUrl + "/lgsp/monitoring");
        return v;
    }

    /** An official's SMS: one line, at most two segments (an ellipsis ends a longer one). */
    private Message officialSms(String action, Map<String, Object> variables) {
        String name = action + ".sms";
        String text = oneLine(render(name, variables));
        if (text.length() > SMS_MAX) {
            text = text.substring(0, SMS_MAX - 1).strip() + "…";
        }
        return new Message(name, null, text);
    }

    private Message officialEmail(String action, Map<String, Object> variables) {
        String name = action + ".email";
        String text = render(name, variables).strip();
        int newline = text.indexOf('\n');
        String subject = oneLine(newline < 0 ? text : text.substring(0, newline));
        String body = newline < 0 ? "" : text.substring(newline + 1).strip() + "\n";
        return new Message(name, subject, body);
    }

    String lookupUrl(String code) {
        return publicUrl + "/tra-cuu-ho-so?ma=" + code;
    }

    /** The note without the words that repeat the action ({@code Từ chối tiếp nhận: …} → {@code …}). */
    static String details(DossierStatusChanged event) {
        String note = event.note() == null ? null : event.note().strip();
        String prefix = NOTE_PREFIXES.get(event.action());
        if (note != null && prefix != null && note.startsWith(prefix)) {
            String rest = note.substring(prefix.length()).strip();
            if (rest.startsWith("(") && rest.contains(")")) {
                // "Yêu cầu bổ sung (tạm dừng tính thời hạn): …" during processing: the template says the clock stopped
                rest = rest.substring(rest.indexOf(')') + 1).strip();
            }
            if (rest.isEmpty() || rest.startsWith(":")) {
                note = rest.isEmpty() ? null : rest.substring(1).strip();
            }
        }
        String marker = NOTE_AFTER.get(event.action());
        if (note != null && marker != null && note.contains(marker)) {
            note = note.substring(note.indexOf(marker) + marker.length()).strip();
        }
        return note == null || note.isEmpty() ? null : note;
    }

    private static String name(String action) {
        return ACTIONS.contains(action) ? action : "OTHER";
    }

    private Map<String, Object> variables(DossierStatusChanged event, String applicantName, String note, ResultDelivery delivery) {
        Map<String, Object> v = new HashMap<>();
        v.put("delivery", delivery == null ? null : delivery.name());
        v.put("deliveryName", delivery == null ? null : delivery.vietnameseName());
        v.put("outcome", event.outcome() == null ? null : event.outcome().name());
        v.put("outcomeName", event.outcome() == null ? null : event.outcome().vietnameseName());
        v.put("due", event.dueAt() == null ? null : MOMENT.format(event.dueAt()));
        v.put("late", event.late());
        v.put("hasAccount", event.applicantAccount() != null);
        v.put("dossierUrl", publicUrl + "/my/dossiers/" + event.dossierCode());
        v.put("code", event.dossierCode());
        v.put("procedureCode", event.procedureCode());
        v.put("procedureName", event.procedureName());
        v.put("status", event.status() == null ? null : event.status().name());
        v.put("statusName", event.status() == null ? null : event.status().vietnameseName());
        v.put("action", event.action());
        v.put("at", event.at() == null ? null : MOMENT.format(event.at()));
        v.put("appointment", event.appointmentDate() == null ? null : DATE.format(event.appointmentDate()));
        v.put("note", note == null || note.isBlank() ? null : note);
        v.put("applicantName", applicantName);
        v.put("lookupUrl", lookupUrl(event.dossierCode()));
        v.put("smsLink", smsLink);
        return v;
    }

    private String render(String template, Map<String, Object> variables) {
        Context context = new Context(VIETNAMESE, variables);
        String text;
        try {
            text = engine.process(template, context);
        } catch (RuntimeException e) {
            if (builtIn == null) {
                throw e;
            }
            if (faultsLogged.add(template)) {
                LOG.error("Notification template {}.txt in {} is missing or cannot be rendered ({}): the built-in template is used until it is mended",
                        template, location, e.getMessage());
            }
            text = builtIn.process(template, context);
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** At most {@code room} characters and an ellipsis, cut between words when one ends in the last third. */
    private static String shorten(String note, int room) {
        String cut = note.substring(0, Math.min(note.length(), room));
        int space = cut.lastIndexOf(' ');
        if (space > room * 2 / 3) {
            cut = cut.substring(0, space);
        }
        return cut.strip().replaceAll("[,;:.]+$", "") + "…";
    }

    private static String oneLine(String text) {
        return text == null ? null : WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
