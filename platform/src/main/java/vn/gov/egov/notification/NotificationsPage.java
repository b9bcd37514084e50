package vn.gov.egov.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The province administrator's view of the latest notifications (to applicants and to officials), recipients masked;
 * filter by status and by dossier code or subject ({@code lgsp-alert:<id>}, {@code overdue-step:<id>}).
 */
@Controller
@RequestMapping("/admin/notifications")
class NotificationsPage {

    static final int LIMIT = 200;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /**
     * A row as the page shows it: times in Vietnam's time, nothing sealed. {@code subjectRef} and {@code subject} (the
     * e-mail's subject line) only for a message to officials.
     */
    record Line(String dossierCode, String action, NotificationChannel channel, String recipient, String template, NotificationStatus status,
                int attempts, String lastError, String createdAt, String isoCreatedAt, String nextAttemptAt, String sentAt,
                String subjectRef, String subject) {

        static Line of(NotificationRow n) {
            return new Line(n.dossierCode(), n.eventAction(), n.channel(), n.recipientMasked(), n.template(), n.status(), n.attempts(),
                    n.lastError(), moment(n.createdAt()), n.createdAt().toString(), moment(n.nextAttemptAt()), moment(n.sentAt()),
                    n.subjectRef(), n.subjectRef() == null ? null : n.subject());
        }


        private static String moment(Instant instant) {
            return instant == null ? null : MOMENT.format(instant);
        }
    }

    private final NotificationStore store;

    NotificationsPage(NotificationStore store) {
        this.store = store;
    }

    @GetMapping
    String show(@RequestParam(required = false) String status, @RequestParam(required = false) String code, Model model) {
        NotificationStatus chosen = Arrays.stream(NotificationStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        String dossier = code == null || code.isBlank() ? null : code.strip(); // a dossier code or a subject
        List<Line> rows = store.latest(chosen, dossier, LIMIT).stream().map(Line::of).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", NotificationStatus.values());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("code", dossier == null ? "" : dossier);
        model.addAttribute("limit", LIMIT);
        return "notification/list";
    }
}
