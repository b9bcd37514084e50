package vn.gov.egov.notification;

import static vn.gov.egov.notification.TestMails.awaitMail;
import static vn.gov.egov.notification.TestMails.body;
import static vn.gov.egov.notification.TestMails.mailsFor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.DossierTestSupport;

/**
 * An applicant hears of every move of their dossier by e-mail (the test SMTP server) and SMS (the simulator's
 * gateway), in Vietnamese, once, even when the event comes again or the mail server is down for a while.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationTest extends DossierTestSupport {

    static final String EMAIL = "nguyenvanan@vneid-mophong.example";
    static final String PHONE = "0912999001";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    DossierReception reception;

    @Autowired
    NotifyingApplicants applicants;

    @Autowired
    SendingNotifications sending;

    @Autowired
    MessageTemplates templates;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    JdbcClient jdbc;

    private static String citizenToken;

    @BeforeEach
    void citizen() throws Exception {
        if (citizenToken == null) {
            citizenToken = citizenToken(CITIZEN);
        }
    }

    @Test
    void theApplicantGetsAVietnameseEmailAndSmsWhenTheDossierIsSubmittedAndWhenItIsReceived(CapturedOutput output) throws Exception {
        String code = submitOnline(citizenToken, "notify-" + UUID.randomUUID());
        assertThat(jdbc.sql("select channel from notification where dossier_code = ? and event_action = 'SUBMITTED'").param(code)
                .query(String.class).list()).as("recorded in the submission's own transaction, before it answered")
                .containsExactlyInAnyOrder("EMAIL", "SMS");

        MimeMessage submitted = awaitMail(code, "đã được nộp");
        assertThat(submitted.getAllRecipients()[0].toString()).isEqualTo(EMAIL);
        String submittedBody = body(submitted);
        assertThat(submittedBody).contains("Kính gửi Nguyễn Văn An").contains(code).contains("Đã nộp, chờ Bộ phận Một cửa")
                .contains("/tra-cuu-ho-so?ma=" + code);
        assertThat(awaitSms(code, 1).get(0).get("text").asString()).startsWith("Hồ sơ " + code + " đã được nộp").contains("Tra cứu: http");

        DossierReception.Accepted accepted = reception.accept(DESK, code);
        String appointment = DATE.format(accepted.appointmentDate());

        MimeMessage received = awaitMail(code, "đã được tiếp nhận");
        assertThat(received.getSubject()).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận, hẹn trả kết quả " + appointment);
        assertThat(body(received)).contains("Ngày hẹn trả kết quả: " + appointment).contains("Đã tiếp nhận")
                .contains("/tra-cuu-ho-so?ma=" + code);
        String procedureName = jdbc.sql("select procedure_name from dossier where code = ?").param(code).query(String.class).single();
        assertThat(body(received)).contains("thủ tục \"" + procedureName + "\"");
        JsonNode sms = awaitSms(code, 2).get(0);
        String text = sms.get("text").asString();
        assertThat(text).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận, hẹn trả kết quả " + appointment
                + ". Tra cứu: http://localhost:8080/tra-cuu-ho-so");
        assertThat(text.length()).isLessThanOrEqualTo(134);
        assertThat(sms.get("segments").asInt()).isEqualTo(2);
        assertThat(sms.get("to").asString()).isEqualTo(PHONE);

        await().atMost(Duration.ofSeconds(10)).until(() -> count(code, "SENT") == 4);
        List<String> stored = jdbc.sql("select recipient_sealed || ' ' || body_sealed || ' ' || recipient_masked from notification where dossier_code = ?")
                .param(code).query(String.class).list();
        assertThat(stored).hasSize(4).allSatisfy(row -> assertThat(row).startsWith("pd1:test-new:").doesNotContain(EMAIL)
                .doesNotContain(PHONE).doesNotContain("Nguyễn Văn An"));
        assertThat(jdbc.sql("select recipient_masked from notification where dossier_code = ? order by channel, event_action")
                .param(code).query(String.class).list())
                .containsExactly("ng***@vneid-mophong.example", "ng***@vneid-mophong.example", "091****001", "091****001");
        assertThat(platformLines(output)).as("the log lines of notifications").contains(code)
                .doesNotContain(EMAIL).doesNotContain(PHONE);
    }

    @Test
    void aSupplementRequestListsWhatIsMissingAndARefusalGivesTheReasons() throws Exception {
        String sentBack = submitOnline(citizenToken, "supplement-" + UUID.randomUUID());
        reception.requestSupplement(DESK, sentBack, List.of(new vn.gov.egov.dossier.MissingItem("Tờ khai yêu cầu cấp phiếu", "chưa ký tên")));
        MimeMessage supplement = awaitMail(sentBack, "cần bổ sung");
        assertThat(body(supplement)).contains("Nội dung cần bổ sung: Tờ khai yêu cầu cấp phiếu (chưa ký tên)");
        String supplementSms = awaitSms(sentBack, 2).get(0).get("text").asString();
        assertThat(supplementSms).startsWith("Hồ sơ " + sentBack + " cần bổ sung: Tờ khai yêu cầu cấp phiếu").hasSizeLessThanOrEqualTo(134);

        String refused = submitOnline(citizenToken, "refuse-" + UUID.randomUUID());
        reception.refuse(DESK, refused, List.of("Thủ tục không thuộc thẩm quyền giải quyết của Sở Tư pháp"));
        MimeMessage refusal = awaitMail(refused, "bị từ chối tiếp nhận");
        assertThat(body(refusal)).contains("Trạng thái: Từ chối tiếp nhận.")
                .contains("Lý do: Thủ tục không thuộc thẩm quyền giải quyết của Sở Tư pháp");
        String refusalSms = awaitSms(refused, 2).get(0).get("text").asString();
        assertThat(refusalSms).startsWith("Hồ sơ " + refused + " bị từ chối tiếp nhận. Lý do: Thủ tục không thuộc")
                .contains("… Tra cứu: http://localhost:8080/tra-cuu-ho-so")
                .hasSizeLessThanOrEqualTo(134);
    }

    @Test
    void aRedeliveredEventSendsNothingTwice() throws Exception {
        String code = submitOnline(citizenToken, "again-" + UUID.randomUUID());
        awaitMail(code, "đã được nộp");
        awaitSms(code, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(code, "SENT") == 2);
        Instant at = jdbc.sql("select event_at from notification where dossier_code = ? limit 1").param(code)
                .query(java.sql.Timestamp.class).single().toInstant();

        DossierStatusChanged again = new DossierStatusChanged(UUID.randomUUID(), code, PROCEDURE, "Cấp phiếu lý lịch tư pháp", "SO-TP",
                DossierChannel.OWN_PORTAL, DossierStatus.SUBMITTED, DossierStatus.DRAFT, "SUBMITTED", at, null, null, null, null);
        assertThat(applicants.notify(again)).isEmpty();

        assertThat(mailsFor(code)).hasSize(1);
        assertThat(sms(code)).hasSize(1);
        assertThat(count(code, null)).isEqualTo(2);
    }

    @Test
    void whenTheMailServerIsDownTheEmailIsTriedAgainLaterAndSent() throws Exception {
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
        int port = sender.getPort();
        String code;
        try {
            sender.setPort(closedPort());
            code = submitOnline(citizenToken, "smtp-down-" + UUID.randomUUID());
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                    "select count(*) from notification where dossier_code = ? and channel = 'EMAIL' and status = 'PENDING' and attempts >= 1 and last_error is not null")
                    .param(code).query(Integer.class).single() == 1);
            assertThat(jdbc.sql("select last_error from notification where dossier_code = ? and channel = 'EMAIL'").param(code)
                    .query(String.class).single()).startsWith("Không gửi được thư qua máy chủ thư").doesNotContain(EMAIL);
            awaitSms(code, 1);
            assertThat(mailsFor(code)).isEmpty();
        } finally {
            sender.setPort(port);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            sending.sendDue();
            return count(code, "SENT") == 2;
        });
        assertThat(mailsFor(code)).hasSize(1);
        assertThat(jdbc.sql("select attempts from notification where dossier_code = ? and channel = 'EMAIL'").param(code)
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void afterTheLastAttemptTheMessageIsFailedAndTheAdministratorSeesItMasked() throws Exception {
        String code = "000.00.10.H20-261127-9" + String.format("%03d", (int) (Math.random() * 1000));
        DossierStatusChanged event = new DossierStatusChanged(UUID.randomUUID(), code, PROCEDURE, "Cấp phiếu lý lịch tư pháp", "SO-TP",
                DossierChannel.IN_PERSON, DossierStatus.REFUSED, DossierStatus.SUBMITTED, "REFUSED", Instant.now(), null, null, null,
                "Thiếu tờ khai");
        MessageTemplates.Message message = templates.email(event, "Trần Thị Thử");
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into notification (id, dossier_code, event_action, event_at, channel, recipient_sealed, recipient_masked, template,
                            subject, body_sealed, status, attempts, created_at, updated_at, next_attempt_at)
                        values (?, ?, 'REFUSED', ?, 'EMAIL', ?, 'tr***@example.vn', ?, ?, ?, 'PENDING', 7, ?, ?, ?)""")
                .params(id, code, java.sql.Timestamp.from(now), protection.seal(NotificationStore.RECIPIENT, "tranthithu@example.vn"),
                        message.template(), message.subject(), protection.seal(NotificationStore.BODY, message.body()),
                        java.sql.Timestamp.from(now), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
                .update();
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
        int port = sender.getPort();
        try {
            sender.setPort(closedPort());
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                sending.sendDue();
                return count(code, "FAILED") == 1;
            });
        } finally {
            sender.setPort(port);
        }
        assertThat(jdbc.sql("select attempts from notification where id = ?").param(id).query(Integer.class).single()).isEqualTo(8);
        sending.sendDue();
        assertThat(mailsFor(code)).as("a FAILED message is not tried again").isEmpty();

        Browser admin = new Browser();
        admin.logIn(ADMIN);
        HttpResponse<String> page = admin.get("/admin/notifications?status=FAILED&code=" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(code).contains("tr***@example.vn").contains("Gửi không thành công")
                .contains("Không gửi được thư qua máy chủ thư").doesNotContain("tranthithu@example.vn");
        assertThat(admin.get("/admin/notifications?status=SENT&code=" + code).body()).doesNotContain("tr***@example.vn");
        Browser desk = new Browser();
        desk.logIn(DESK);
        assertThat(desk.get("/admin/notifications").statusCode()).as("a one-stop officer").isEqualTo(403);
    }

    @Test
    void smsStayWithinTwoSegmentsAndLongReasonsAreShortened() {
        String code = "000.00.10.H20-261127-0007";
        String reasons = "Tờ khai chưa ghi đủ nơi thường trú; bản sao căn cước công dân không rõ nét; thiếu giấy ủy quyền có chứng thực "
                + "của người được ủy quyền nộp hồ sơ thay";
        DossierStatusChanged refused = new DossierStatusChanged(UUID.randomUUID(), code, PROCEDURE, "Cấp phiếu lý lịch tư pháp", "SO-TP",
                DossierChannel.OWN_PORTAL, DossierStatus.REFUSED, DossierStatus.SUBMITTED, "REFUSED", Instant.now(), null, null, null, reasons);
        String text = templates.sms(refused).body();
        assertThat(text.length()).isLessThanOrEqualTo(MessageTemplates.SMS_MAX);
        assertThat(text).startsWith("Hồ sơ " + code + " bị từ chối tiếp nhận. Lý do: Tờ khai chưa ghi đủ nơi")
                .contains("…").endsWith("Tra cứu: http://localhost:8080/tra-cuu-ho-so");

        MessageTemplates.Message email = templates.email(refused, null);
        assertThat(email.subject()).isEqualTo("Hồ sơ " + code + " bị từ chối tiếp nhận");
        assertThat(email.body()).contains("Kính gửi ông/bà,").contains("Lý do: " + reasons).contains("Cấp phiếu lý lịch tư pháp")
                .contains("http://localhost:8080/tra-cuu-ho-so?ma=" + code);

        for (String action : List.of("SUBMITTED", "RECEIVED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "WITHDRAWN", "SOMETHING_NEW")) {
            DossierStatusChanged event = new DossierStatusChanged(UUID.randomUUID(), code, PROCEDURE, "Cấp phiếu lý lịch tư pháp", "SO-TP",
                    DossierChannel.OWN_PORTAL, DossierStatus.RECEIVED, DossierStatus.SUBMITTED, action, Instant.now(),
                    LocalDate.of(2026, 12, 11), null, null, reasons);
            assertThat(templates.sms(event).body()).as(action).contains(code).hasSizeLessThanOrEqualTo(MessageTemplates.SMS_MAX);
            assertThat(templates.email(event, "Nguyễn Văn An").subject()).as(action).contains(code);
        }
    }

    @Autowired
    vn.gov.egov.personaldata.PersonalDataProtection protection;

    private int count(String code, String status) {
        return jdbc.sql("select count(*) from notification where dossier_code = ? and (cast(? as text) is null or status = ?)")
                .params(code, status, status).query(Integer.class).single();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private List<JsonNode> sms(String code) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + simulatorPort()
                + "/sms/api/messages?reference=" + code)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> messages = new java.util.ArrayList<>();
        json.readTree(response.body()).get("messages").forEach(messages::add);
        return messages;
    }

    /** The messages for the reference, newest first, once there are {@code count}. */
    private List<JsonNode> awaitSms(String code, int count) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> sms(code), list -> list.size() == count);
    }

    private static String platformLines(CapturedOutput output) {
        // this module's loggers (SendingNotifications, NotifyingApplicants), whatever the abbreviation of their names
        return output.getAll().lines().filter(l -> l.contains("otification") || l.contains("otifying"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
