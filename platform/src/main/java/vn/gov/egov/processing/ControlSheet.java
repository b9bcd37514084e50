package vn.gov.egov.processing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.printing.Block;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Paper;

/**
 * The control sheet (phiếu kiểm soát quá trình giải quyết hồ sơ, form 05 of Circular 01/2018/TT-VPCP): every
 * hand-over with the sender, the receiver, the time, and the time used against the time allowed. Printed from the
 * steps table at any moment, so it always shows the process as it stands.
 */
@Component
class ControlSheet {

    static final String TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ";

    private final OfficialPapers papers;
    private final StepClock clock;
    private final String province;
    private final String place;
    private final GroupNames groups;

    ControlSheet(OfficialPapers papers, StepClock clock, @Value("${egov.province.name:UBND TỈNH LẠNG SƠN}") String province,
                 @Value("${egov.province.place:Lạng Sơn}") String place, GroupNames groups) {
        this.papers = papers;
        this.groups = groups;
        this.clock = clock;
        this.province = province;
        this.place = place;
    }

    /** The hand-overs as table rows: STT, giao, nhận, thời gian, thời hạn, đã dùng, kết quả, ghi chú. */
    List<List<String>> rows(List<ProcessingStep> steps, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        String sender = "Bộ phận Một cửa (tiếp nhận hồ sơ)";
        int n = 1;
        for (ProcessingStep s : steps) {
            String receiver = s.name() + ": " + (s.assignee() != null ? WorkingOnTasks.display(s.assigneeName(), s.assignee()) : groups.of(s.candidateGroup()));
            String used;
            String result;
            if (s.open()) {
                StepClock.TimeLeft left = clock.timeLeft(s, now);
                used = "đang xử lý";
                result = left.text();
            } else {
                int minutes = s.usedMinutes() == null ? 0 : s.usedMinutes();
                used = clock.span(minutes);
                result = s.completedAt().isAfter(s.dueAt()) ? "Quá hạn" : minutes < s.allowedMinutes() ? "Trước hạn" : "Đúng hạn";
            }
            String note = s.decision() == null ? "" : Decision.parse(s.decision()) == null ? s.decision()
                    : Decision.parse(s.decision()).vietnameseName() + (s.comment() == null ? "" : ": " + s.comment());
            rows.add(List.of(String.valueOf(n++), sender, receiver, StepTexts.time(s.createdAt()), clock.span(s.allowedMinutes()), used,
                    result, note));
            if (!s.open()) {
                sender = s.name() + ": " + WorkingOnTasks.display(s.completedByName(), s.completedBy());
            }
        }
        return rows;
    }

    byte[] print(DossierDetail detail, List<ProcessingStep> steps, Instant now) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Field("Mã hồ sơ", detail.summary().code()));
        blocks.add(new Block.Field("Thủ tục", detail.summary().procedureName()));
        blocks.add(new Block.Field("Người nộp", detail.summary().businessName() != null ? detail.summary().businessName()
                : detail.summary().applicantName()));
        blocks.add(new Block.Field("Cơ quan tiếp nhận", detail.receivingAgencyName() == null ? detail.summary().receivingAgency()
                : detail.receivingAgencyName()));
        if (detail.summary().appointmentDate() != null) {
            blocks.add(new Block.Field("Ngày hẹn trả kết quả", String.format("%1$td/%1$tm/%1$tY", detail.summary().appointmentDate())));
        }
        blocks.add(new Block.Field("Trạng thái", detail.summary().status().vietnameseName()));
        blocks.add(new Block.Heading("QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"));
        blocks.add(new Block.Table(List.of("STT", "Bên giao", "Bên nhận", "Thời gian giao, nhận", "Thời hạn được giao",
                "Thời gian đã dùng", "Kết quả (trước hạn / đúng hạn / quá hạn)", "Ghi chú"), rows(steps, now)));
        blocks.add(new Block.Paragraph("Thời gian tính theo giờ hành chính của ngày làm việc; thời gian tạm dừng chờ bổ sung hồ sơ không tính."));
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        String agency = detail.receivingAgencyName() == null ? detail.summary().receivingAgency() : detail.receivingAgencyName();
        return papers.render(new Paper(province, agency.toUpperCase(Locale.forLanguageTag("vi")), "Mã hồ sơ: " + detail.summary().code(),
                Paper.placeAndDate(place, today), TITLE, null, blocks, null, List.of()));
    }
}
