package vn.gov.egov.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;

/**
 * An overdue step is e-mailed to the heads of its unit who have an e-mail address, once per alert, even when the
 * alerts are raised again or the event comes again; when no head has an address, the administrator sees why.
 */
class OverdueStepMailTest extends ProcessingTestSupport {

    private static final String PASSWORD = "Qua-Han#Thu-Bao-2025";
    private static final String UNIT = "P-QLXD";
    private static final String HEAD_MAIL = "vi.van.truong@soxd.example";
    private static final String OTHER_UNIT_HEAD_MAIL = "pho.phong.khac@soxd.example";

    @Autowired
    OverdueSteps overdue;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    vn.gov.egov.personaldata.PersonalDataProtection protection;

    private void headOf(String username, String name, String unit, String email) {
        knowOfficial(testOfficials.ensure(username, PASSWORD, name, new Position(Role.DIVISION_HEAD, AGENCY, unit)));
        jdbc.sql("update official_account set email = ? where username = ?").params(email, username).update();
    }

    /** The dossier's open step, moved into a division of SO-XD and made overdue; returns its id. */
    private UUID overdueStepOfUnit(String code, String unit) {
        UUID stepId = jdbc.sql("select s.id from processing_step s join processing_dossier d on d.dossier_id = s.dossier_id"
                + " where d.dossier_code = ? and s.completed_at is null").param(code).query(UUID.class).single();
        jdbc.sql("update processing_step set candidate_group = ?, due_at = ? where id = ?")
                .params("ONE_STOP_OFFICER@" + AGENCY + "/" + unit, Timestamp.from(Instant.now().minus(Duration.ofDays(3))), stepId).update();
        return stepId;
    }

    private static List<MimeMessage> mails(String code, String recipient) {
        return Arrays.stream(vn.gov.egov.PlatformTest.mailServer().getReceivedMessages())
                .filter(m -> subject(m).contains(code) && recipients(m).contains(recipient)).toList();
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

    private int rows(String subjectRef) {
        return jdbc.sql("select count(*) from notification where subject_ref = ?").param(subjectRef).query(Integer.class).single();
    }

    /** Waits until every delivery of the step's StepOverdue to the notification module is complete; returns how many there were. */
    /** Waits until the listener has handled every delivery of the step's alert (a completed publication is deleted). */
    private void awaitHandled(UUID stepId) {
        String like = "%" + stepId + "%";
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from event_publication where listener_id like"
                + " '%OfficialAlertsListener%' and serialized_event like ? and completion_date is null").param(like).query(Integer.class).single() == 0);
    }

    @Test
    void anOverdueStepMailsTheDivisionHeadOnceAndRaisingTheAlertsAgainSendsNothingMore() throws Exception {
        headOf("xl-truongphong-qlxd", "Vi Văn Trưởng Phòng", UNIT, HEAD_MAIL);
        headOf("xl-phophong-qlxd", "Hoàng Thị Chưa Có Thư", UNIT, null);
        // the deputy has no e-mail address but a mobile number (sealed, as the officials' page stores it): an SMS
        jdbc.sql("update official_account set mobile_sealed = ? where username = ?")
                .params(protection.seal("identity.official.mobile", "0978000333"), "xl-phophong-qlxd").update();
        headOf("xl-truongphong-khac", "Lương Văn Phòng Khác", "P-KHAC", OTHER_UNIT_HEAD_MAIL);
        String code = receivedDossier("overdue-mail");
        UUID stepId = overdueStepOfUnit(code, UNIT);
        String stepName = jdbc.sql("select name from processing_step where id = ?").param(stepId).query(String.class).single();

        overdue.raiseAlerts(Instant.now().truncatedTo(ChronoUnit.MICROS));

        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> mails(code, HEAD_MAIL), list -> !list.isEmpty()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Hồ sơ " + code + ": bước \"" + stepName + "\" quá hạn từ "
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(jdbc.sql("select due_at from processing_step where id = ?").param(stepId).query(Timestamp.class).single().toInstant()));
        assertThat(body(mail)).contains("Kính gửi đồng chí Vi Văn Trưởng Phòng").contains("Bộ phận xử lý: Cán bộ một cửa – " + UNIT + ", Sở Xây dựng")
                .contains("Người đang xử lý: chưa có người nhận").contains("http://localhost:8080/processing/dossiers/" + code);
        assertThat(mails(code, OTHER_UNIT_HEAD_MAIL)).as("the head of another division").isEmpty();

        String ref = "overdue-step:" + stepId;
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select status from notification where subject_ref = ?").param(ref)
                .query(String.class).list(), s -> s.equals(List.of("SENT", "SENT")));
        assertThat(jdbc.sql("select dossier_code || ' ' || event_action || ' ' || recipient_masked || ' ' || recipient_sealed from notification"
                + " where subject_ref = ? and channel = 'EMAIL'").param(ref).query(String.class).single())
                .startsWith(code + " STEP_OVERDUE vi***@soxd.example pd1:").doesNotContain(HEAD_MAIL);
        String sms = jdbc.sql("select recipient_masked || ' ' || body_sealed from notification where subject_ref = ? and channel = 'SMS'")
                .param(ref).query(String.class).single();
        assertThat(sms).startsWith("097****333 pd1:");
        assertThat(protection.open("notification.notification.body", sms.substring(sms.indexOf(' ') + 1)))
                .startsWith("Hồ sơ " + code + " quá hạn từ ").contains("ở bước: " + stepName);

        // the alert again, and the same event delivered again: nothing more
        overdue.raiseAlerts(Instant.now());
        Instant raisedAt = jdbc.sql("select raised_at from processing_alert where step_id = ?").param(stepId).query(Timestamp.class).single()
                .toInstant();
        String head = jdbc.sql("select recipient_group from processing_alert where step_id = ?").param(stepId).query(String.class).single();
        assertThat(head).isEqualTo("DIVISION_HEAD@" + AGENCY + "/" + UNIT);
        transactions.executeWithoutResult(s -> events.publishEvent(new StepOverdue(stepId, dossierId(code), code, stepName,
                "ONE_STOP_OFFICER@" + AGENCY + "/" + UNIT, null, Instant.now(), head, raisedAt, null)));
        awaitHandled(stepId);
        Thread.sleep(500); // what the sender would have sent meanwhile
        assertThat(rows(ref)).as("one e-mail and one SMS").isEqualTo(2);
        assertThat(mails(code, HEAD_MAIL)).hasSize(1);
    }

    @Test
    void whenNoHeadOfTheUnitHasAnEmailAddressTheAdministratorSeesASkippedMessageWithTheReason() throws Exception {
        headOf("xl-truongphong-khongthu", "Nông Văn Không Thư", "P-KHONGTHU", null);
        String code = receivedDossier("overdue-nomail");
        UUID stepId = overdueStepOfUnit(code, "P-KHONGTHU");

        overdue.raiseAlerts(Instant.now());

        String ref = "overdue-step:" + stepId;
        await().atMost(Duration.ofSeconds(20)).until(() -> rows(ref) == 1);
        assertThat(jdbc.sql("select status || ' | ' || recipient_masked || ' | ' || last_error from notification where subject_ref = ?")
                .param(ref).query(String.class).single())
                .isEqualTo("SKIPPED | (không có người nhận) | 1 cán bộ giữ vai trò Lãnh đạo phòng SO-XD/P-KHONGTHU chưa có địa chỉ thư"
                        + " điện tử hay số điện thoại di động: không gửi được thư báo bước quá hạn.");
        assertThat(jdbc.sql("select recipient_sealed is null and body_sealed like 'pd1:%' from notification where subject_ref = ?")
                .param(ref).query(Boolean.class).single()).isTrue();

        Browser admin = new Browser();
        admin.logIn(ADMIN);
        HttpResponse<String> page = admin.get("/admin/notifications?status=SKIPPED&code=" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(code).contains("Bước xử lý quá hạn").contains("(không có người nhận)")
                .contains("chưa có địa chỉ thư điện tử").contains("Không gửi (xem lý do)");
    }
}
