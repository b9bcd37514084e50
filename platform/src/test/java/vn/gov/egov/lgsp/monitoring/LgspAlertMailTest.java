package vn.gov.egov.lgsp.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;

/**
 * An LGSP alert that opens, and later resolves, is mailed once to the LGSP operators who have an e-mail address and to
 * the duty mailbox of {@code egov.lgsp.monitoring.alerts.mail-to} (the test profile's), whatever the number of
 * evaluations.
 */
@org.springframework.test.context.event.RecordApplicationEvents
class LgspAlertMailTest extends PlatformTest {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    private static final String OPERATOR = "lgsp-vanhanh-thu";
    private static final String OPERATOR_MAIL = "van.hanh.lgsp@so-tttt.example";
    private static final String DUTY_MAIL = "truc-lgsp@so-tttt.example";

    @Autowired
    MeterRegistry meters;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    AlertStore alerts;
    @Autowired
    TestOfficials testOfficials;
    @Autowired
    JdbcClient jdbc;

    private static List<MimeMessage> mails(String subjectPart, String recipient) {
        return Arrays.stream(mailServer().getReceivedMessages())
                .filter(m -> subject(m).contains(subjectPart) && recipients(m).contains(recipient)).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) throws Exception {
        Object content = m.getContent();
        return content instanceof String text ? text : new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private List<String> statuses(String ref, String action) {
        return jdbc.sql("select status from notification where subject_ref = ? and event_action = ? order by recipient_masked")
                .params(ref, action).query(String.class).list();
    }

    @Test
    void anOpenedAndResolvedAlertIsMailedOnceToTheOperatorAndTheDutyMailbox() throws Exception {
        knowOfficial(testOfficials.ensure(OPERATOR, "Van-Hanh#Lgsp-2025", "Đinh Thị Vận Hành",
                new Position(Role.LGSP_OPERATOR, "UBND-20", null)));
        jdbc.sql("update official_account set email = ? where username = ?").params(OPERATOR_MAIL, OPERATOR).update();

        String subscription = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "subscription:" + subscription + "/ho-so-thay-doi";
        AtomicLong backlog = new AtomicLong(5_000);
        Gauge gauge = Gauge.builder("lgsp.pubsub.backlog", backlog, AtomicLong::get)
                .tags("subscription", subscription, "event_type", "ho-so-thay-doi").register(meters);
        try {
            evaluator.evaluate();
            evaluator.evaluate();
            MonitoringAlert alert = alerts.recent(500).stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
            String ref = "lgsp-alert:" + alert.id();

            MimeMessage toOperator = await().atMost(Duration.ofSeconds(20))
                    .until(() -> mails(subscription, OPERATOR_MAIL), list -> !list.isEmpty()).get(0);
            assertThat(toOperator.getSubject()).isEqualTo("[LGSP] Cảnh báo: Đăng ký ứ đọng – " + subscription + "/ho-so-thay-doi");
            assertThat(body(toOperator)).contains("Kính gửi đồng chí Đinh Thị Vận Hành").contains("5000 sự kiện chờ")
                    .contains("Mã cảnh báo: " + key).contains("http://localhost:8080/lgsp/monitoring");
            MimeMessage toDuty = await().atMost(Duration.ofSeconds(20))
                    .until(() -> mails(subscription, DUTY_MAIL), list -> !list.isEmpty()).get(0);
            assertThat(body(toDuty)).contains("Kính gửi bộ phận vận hành LGSP");
            await().atMost(Duration.ofSeconds(10)).until(() -> statuses(ref, "LGSP_ALERT_OPENED"), s -> s.equals(List.of("SENT", "SENT")));
            assertThat(jdbc.sql("select string_agg(recipient_masked || ' ' || coalesce(dossier_code, '-') || ' ' || recipient_sealed, ', ')"
                    + " from notification where subject_ref = ?").param(ref).query(String.class).single())
                    .contains("tr***@so-tttt.example - pd1:").contains("va***@so-tttt.example - pd1:")
                    .doesNotContain(OPERATOR_MAIL).doesNotContain(DUTY_MAIL);

            // evaluated again while it holds: published once, mailed once
            evaluator.evaluate();
            assertThat(events.stream(vn.gov.egov.lgsp.LgspAlertRaised.class).filter(e -> e.alertId().equals(alert.id())))
                    .as("published once").hasSize(1);
            Thread.sleep(500);
            assertThat(mails(subscription, OPERATOR_MAIL)).hasSize(1);
            assertThat(mails(subscription, DUTY_MAIL)).hasSize(1);

            backlog.set(0);
            evaluator.evaluate();
            evaluator.evaluate();
            MimeMessage resolved = await().atMost(Duration.ofSeconds(20))
                    .until(() -> mails("[LGSP] Hết cảnh báo: Đăng ký ứ đọng – " + subscription, OPERATOR_MAIL), list -> !list.isEmpty()).get(0);
            assertThat(body(resolved)).contains("đã đóng lúc").contains("Mã cảnh báo: " + key);
            await().atMost(Duration.ofSeconds(10)).until(() -> statuses(ref, "LGSP_ALERT_RESOLVED"), s -> s.equals(List.of("SENT", "SENT")));
            assertThat(mails(subscription, OPERATOR_MAIL)).hasSize(2);
            assertThat(mails(subscription, DUTY_MAIL)).hasSize(2);

            // the condition comes back at once and clears again: a new alert, shown, but not mailed again (mail-quiet)
            backlog.set(5_000);
            evaluator.evaluate();
            MonitoringAlert again = alerts.open().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
            assertThat(again.id()).isNotEqualTo(alert.id());
            backlog.set(0);
            evaluator.evaluate();
            assertThat(alerts.open()).noneMatch(a -> a.key().equals(key));
            assertThat(events.stream(vn.gov.egov.lgsp.LgspAlertRaised.class).filter(e -> e.alertId().equals(again.id()))).isEmpty();
            assertThat(events.stream(vn.gov.egov.lgsp.LgspAlertResolved.class).filter(e -> e.alertId().equals(again.id()))).isEmpty();
            Thread.sleep(500);
            assertThat(mails(subscription, OPERATOR_MAIL)).hasSize(2);

            Browser admin = new Browser();
            admin.logIn(ADMIN);
            HttpResponse<String> page = admin.get("/admin/notifications?code=" + ref);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(ref).contains("Cảnh báo LGSP").contains("Hết cảnh báo LGSP").contains("va***@so-tttt.example")
                    .contains("Gửi cán bộ: [LGSP] Cảnh báo: Đăng ký ứ đọng").doesNotContain(OPERATOR_MAIL);
        } finally {
            meters.remove(gauge);
        }
    }
}
