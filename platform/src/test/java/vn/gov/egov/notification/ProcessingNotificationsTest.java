package vn.gov.egov.notification;

import static vn.gov.egov.notification.TestMails.awaitMail;
import static vn.gov.egov.notification.TestMails.body;
import static vn.gov.egov.notification.TestMails.mailsFor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierOutcome;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.MissingItem;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.reception.ResultTestSupport;

/** The applicant hears, in Vietnamese, of each move after reception: processing, pause for supplements, apology, result, return. */
class ProcessingNotificationsTest extends ResultTestSupport {

    @Autowired
    MessageTemplates templates;

    @Autowired
    WorkingCalendar calendar;

    private static DossierStatusChanged event(String action, DossierStatus status, LocalDate appointment, String note, DossierOutcome outcome) {
        return new DossierStatusChanged(UUID.randomUUID(), "SO-TP-261127-0042", "1.000001", "Cấp Phiếu lý lịch tư pháp", "SO-TP",
                DossierChannel.OWN_PORTAL, status, DossierStatus.IN_PROGRESS, action, Instant.parse("2026-11-27T03:00:00Z"), appointment,
                null, UUID.randomUUID(), note, Instant.parse("2026-12-11T10:00:00Z"), outcome, false);
    }

    @Test
    void eachNewMoveHasItsOwnVietnameseMessageWithinTwoSmsSegments() {
        MessageTemplates.Message paused = templates.email(event("SUPPLEMENT_REQUESTED", DossierStatus.AWAITING_SUPPLEMENT, null,
                "Yêu cầu bổ sung (tạm dừng tính thời hạn): Bản sao giấy khai sinh (thiếu trang 2)", null), "Nguyễn Văn An", null);
        assertThat(paused.body()).contains("Tạm dừng giải quyết, chờ bổ sung hồ sơ").contains("tính tiếp khi ông/bà bổ sung")
                .contains("Nội dung cần bổ sung: Bản sao giấy khai sinh (thiếu trang 2)").doesNotContain("trước khi tiếp nhận");
        assertThat(templates.sms(event("SUPPLEMENT_REQUESTED", DossierStatus.AWAITING_SUPPLEMENT, null,
                "Yêu cầu bổ sung (tạm dừng tính thời hạn): Bản sao giấy khai sinh (thiếu trang 2)", null)).body())
                .startsWith("Hồ sơ SO-TP-261127-0042 tạm dừng giải quyết, cần bổ sung: Bản sao giấy khai sinh");

        DossierStatusChanged apology = event("RESCHEDULED", DossierStatus.IN_PROGRESS, LocalDate.of(2026, 12, 16),
                "Xin lỗi và hẹn lại ngày trả kết quả: 16/12/2026. Lý do: Chờ ý kiến cơ quan phối hợp", null);
        MessageTemplates.Message sorry = templates.email(apology, "Nguyễn Văn An", null);
        assertThat(sorry.subject()).isEqualTo("Xin lỗi: hồ sơ SO-TP-261127-0042 hẹn lại ngày trả kết quả 16/12/2026");
        assertThat(sorry.body()).contains("chân thành xin lỗi").contains("Lý do: Chờ ý kiến cơ quan phối hợp")
                .contains("Ngày hẹn trả kết quả mới: 16/12/2026");
        assertThat(templates.sms(apology).body()).contains("Xin lỗi").contains("16/12/2026").hasSizeLessThanOrEqualTo(MessageTemplates.SMS_MAX);

        DossierStatusChanged resolved = event("RESOLVED", DossierStatus.RESOLVED, null, "Giải quyết, cấp kết quả", DossierOutcome.APPROVED);
        assertThat(templates.email(resolved, null, ResultDelivery.BY_POST).body()).contains("qua dịch vụ bưu chính công ích")
                .contains("Kết quả: Giải quyết, cấp kết quả");
        assertThat(templates.email(resolved, null, ResultDelivery.AT_DESK).body()).contains("tại Bộ phận Một cửa")
                .contains("giấy ủy quyền");
        assertThat(templates.email(event("RESOLVED", DossierStatus.RESOLVED, null, "Từ chối giải quyết: không đủ điều kiện",
                DossierOutcome.REFUSED), null, ResultDelivery.ONLINE).body()).contains("Từ chối giải quyết").contains("/my/dossiers/SO-TP-261127-0042");
        assertThat(templates.sms(resolved, ResultDelivery.AT_DESK).body()).contains("mời nhận tại Bộ phận Một cửa");

        for (String action : List.of("PROCESSING_STARTED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "RESCHEDULED", "RESOLVED", "RETURNED")) {
            for (ResultDelivery how : ResultDelivery.values()) {
                DossierStatusChanged e = event(action, DossierStatus.IN_PROGRESS, LocalDate.of(2026, 12, 16),
                        "Một ghi chú rất dài ".repeat(12), DossierOutcome.APPROVED);
                assertThat(templates.sms(e, how).body()).as(action).contains("SO-TP-261127-0042").hasSizeLessThanOrEqualTo(MessageTemplates.SMS_MAX);
                assertThat(templates.email(e, "Nguyễn Văn An", how).template()).as(action).isEqualTo(action + ".email");
            }
        }
    }

    @Test
    void theApplicantIsToldOfProcessingTheResultAndItsOnlineReturnWithAnInvitationToRate() throws Exception {
        UUID id = received("notify-processing-" + UUID.randomUUID(), ResultDelivery.ONLINE, null);
        String code = codeOf(id);
        progress.startProcessing(id, SPECIALIST);
        assertThat(body(awaitMail(code, "đang được giải quyết"))).contains("Trạng thái: Đang giải quyết");

        progress.requestSupplement(id, SPECIALIST, List.of(new MissingItem("Bản sao giấy khai sinh", "Thiếu trang 2")));
        assertThat(body(awaitMail(code, "cần bổ sung"))).contains("Tạm dừng giải quyết")
                .contains("Nội dung cần bổ sung: Bản sao giấy khai sinh (Thiếu trang 2)");

        completeOnline(code, "notify-" + UUID.randomUUID());
        LocalDate later = calendar.addWorkingDays(progress.clock(id).orElseThrow().appointmentDate(), 2);
        progress.reschedule(id, SPECIALIST, "Chờ ý kiến cơ quan phối hợp", later);
        MimeMessage sorry = awaitMail(code, "Xin lỗi");
        assertThat(sorry.getSubject()).endsWith(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(later));

        progress.resolve(id, SPECIALIST, DossierOutcome.APPROVED, UUID.randomUUID(), null);
        assertThat(body(awaitMail(code, "đã có kết quả"))).contains("Cách nhận: trực tuyến").contains("/my/dossiers/" + code);
        String returned = body(awaitMail(code, "mời ông/bà đánh giá"));
        assertThat(returned).contains("Trả kết quả trực tuyến").contains("Rất không hài lòng").contains("Rất hài lòng")
                .contains("/my/dossiers/" + code);
    }

}
