package vn.gov.egov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.identity.Official;
import vn.gov.egov.identity.OfficialMailbox;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Role;
import vn.gov.egov.lgsp.LgspAlertRaised;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.processing.StepOverdue;

/**
 * Whom officials' messages go to, with the officials' directory replaced by a fixed list: nobody reachable is one
 * SKIPPED row with the reason, recorded once; an address both of an operator and configured is mailed once.
 */
class NotificationsToOfficialsTest extends PlatformTest {

    @Autowired
    MessageTemplates templates;
    @Autowired
    NotificationStore store;
    @Autowired
    SendingNotifications sending;
    @Autowired
    PersonalDataProtection protection;
    @Autowired
    JdbcClient jdbc;

    /** A directory whose LGSP operators and heads are {@code mailboxes}, whatever the unit. */
    private static Officials directory(List<OfficialMailbox> mailboxes) {
        return new Officials() {
            @Override
            public Optional<Official> byUsername(String username) {
                return Optional.empty();
            }

            @Override
            public List<Official> holding(Role role, String agencyCode) {
                return List.of();
            }

            @Override
            public List<OfficialMailbox> mailboxes(Role role, String agencyCode, String unitCode) {
                return mailboxes;
            }
        };
    }

    private NotifyingOfficials notifying(List<OfficialMailbox> mailboxes, String mailTo) {
        return new NotifyingOfficials(directory(mailboxes), templates, store, sending, protection, mailTo);
    }

    private static LgspAlertRaised alert() {
        return new LgspAlertRaised(UUID.randomUUID(), "PROVIDER_ERRORS", "Bên cung cấp lỗi nhiều", "provider:SO-TP/HTQL", "SO-TP/HTQL",
                "Bên cung cấp SO-TP/HTQL lỗi 20/30 lượt gọi (67 %) trong 5 phút qua (ngưỡng 50 % khi có từ 20 lượt).",
                Instant.now().truncatedTo(ChronoUnit.MICROS), "node-1");
    }

    private List<String> rows(String ref) {
        return jdbc.sql("select status || ' | ' || recipient_masked || ' | ' || coalesce(last_error, '') from notification"
                + " where subject_ref = ? order by recipient_masked").param(ref).query(String.class).list();
    }

    @Test
    void anLgspAlertNobodyCanReceiveIsOneSkippedRowWithTheReasonRecordedOnce() {
        NotifyingOfficials nobody = notifying(List.of(new OfficialMailbox("vh-khong-thu", "Vận Hành Không Thư", null)), "");
        LgspAlertRaised alert = alert();

        assertThat(nobody.notify(alert)).isEmpty();
        assertThat(nobody.notify(alert)).as("the event again").isEmpty();

        assertThat(rows("lgsp-alert:" + alert.alertId())).containsExactly("SKIPPED | (không có người nhận) | Không có cán bộ vận hành LGSP"
                + " nào có địa chỉ thư điện tử hay số di động và chưa cấu hình egov.lgsp.monitoring.alerts.mail-to: không gửi được thư cảnh báo LGSP.");
        assertThat(jdbc.sql("select dossier_code is null and recipient_sealed is null and subject like '[LGSP] Cảnh báo: Bên cung cấp lỗi nhiều%'"
                + " from notification where subject_ref = ?").param("lgsp-alert:" + alert.alertId()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void anAddressOfAnOperatorThatIsAlsoConfiguredIsMailedOnceAndEntriesThatAreNoAddressAreLeftOut() {
        NotifyingOfficials both = notifying(List.of(new OfficialMailbox("vh-1", "Hà Văn Vận", "Ha.Van.Van@so-tttt.example"),
                new OfficialMailbox("vh-2", "Không Có Thư", null)), " ha.van.van@so-tttt.example, khong-phai-dia-chi ,truc@so-tttt.example ");
        LgspAlertRaised alert = alert();

        assertThat(both.notify(alert)).hasSize(2);
        assertThat(both.notify(alert)).as("the event again").isEmpty();

        // sent meanwhile, or about to be
        assertThat(jdbc.sql("select recipient_masked from notification where subject_ref = ? and status in ('PENDING', 'SENT')"
                + " order by recipient_masked").param("lgsp-alert:" + alert.alertId()).query(String.class).list())
                .containsExactly("Ha***@so-tttt.example", "tr***@so-tttt.example");
        assertThat(NotifyingOfficials.addresses("a@b.vn,, x , c@d.vn")).containsExactly("a@b.vn", "c@d.vn");
    }

    @Test
    void anOverdueStepOfAUnitWithoutHeadsIsASkippedRowThatSaysSo() {
        NotifyingOfficials none = notifying(List.of(), "truc@so-tttt.example");
        UUID stepId = UUID.randomUUID();
        StepOverdue event = new StepOverdue(stepId, UUID.randomUUID(), "000.00.13.H20-261127-9901", "Thẩm định", "SPECIALIST@SO-XD/P-TRONG",
                null, Instant.now().minus(1, ChronoUnit.DAYS), "DIVISION_HEAD@SO-XD/P-TRONG", Instant.now().truncatedTo(ChronoUnit.MICROS),
                "Chuyên viên – P-TRONG, Sở Xây dựng");

        assertThat(none.notify(event)).as("the LGSP duty mailbox is not a unit's head").isEmpty();

        assertThat(rows("overdue-step:" + stepId)).containsExactly("SKIPPED | (không có người nhận) | Không có cán bộ nào đang giữ vai trò"
                + " Lãnh đạo phòng SO-XD/P-TRONG: không gửi được thư báo bước quá hạn.");
        assertThat(jdbc.sql("select dossier_code from notification where subject_ref = ?").param("overdue-step:" + stepId)
                .query(String.class).single()).isEqualTo("000.00.13.H20-261127-9901");
    }

    @Test
    void headsWithAMobileNumberAlsoGetAnSmsOfTwoSegmentsAtMostAndEachOnlyOnce() {
        NotifyingOfficials heads = notifying(List.of(new OfficialMailbox("tp-1", "Lục Văn Trưởng", "truong.phong@so-xd.example", "0912000111"),
                new OfficialMailbox("tp-2", "Chỉ Có Số", null, "0388000222"), new OfficialMailbox("tp-3", "Không Liên Lạc", null, null)), "");
        UUID stepId = UUID.randomUUID();
        String longStep = "Thẩm định hồ sơ, kiểm tra thực địa công trình và lấy ý kiến các cơ quan liên quan về quy hoạch xây dựng";
        StepOverdue event = new StepOverdue(stepId, UUID.randomUUID(), "000.00.13.H20-261128-9902", longStep, "SPECIALIST@SO-XD/P-TRONG",
                null, Instant.parse("2026-11-27T10:00:00Z"), "DIVISION_HEAD@SO-XD/P-TRONG", Instant.now().truncatedTo(ChronoUnit.MICROS),
                "Chuyên viên – P-TRONG, Sở Xây dựng");

        assertThat(heads.notify(event)).as("one e-mail and two SMS").hasSize(3);
        assertThat(heads.notify(event)).as("the event again").isEmpty();

        List<String> sms = jdbc.sql("select recipient_masked || ' | ' || template || ' | ' || body_sealed from notification"
                + " where subject_ref = ? and channel = 'SMS' order by recipient_masked").param("overdue-step:" + stepId).query(String.class).list();
        assertThat(sms).hasSize(2);
        assertThat(sms.get(0)).startsWith("038****222 | STEP_OVERDUE.sms | ");
        assertThat(sms.get(1)).startsWith("091****111 | STEP_OVERDUE.sms | ");
        String text = protection.open(NotificationStore.BODY, sms.get(0).substring(sms.get(0).lastIndexOf(" | ") + 3));
        assertThat(text).startsWith("Hồ sơ 000.00.13.H20-261128-9902 quá hạn từ 17:00 27/11/2026 ở bước: Thẩm định hồ sơ")
                .endsWith("…").hasSizeLessThanOrEqualTo(MessageTemplates.SMS_MAX);
        assertThat(jdbc.sql("select count(*) from notification where subject_ref = ? and channel = 'EMAIL'")
                .param("overdue-step:" + stepId).query(Integer.class).single()).isEqualTo(1);
    }
}
