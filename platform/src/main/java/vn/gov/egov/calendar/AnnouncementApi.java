package vn.gov.egov.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The province administrator records the Government's announced days off and make-up working days. */
@RestController
@RequestMapping("/api/v1/calendar/announcements")
@Tag(name = "Lịch ngày làm việc – quản trị",
        description = "Ngày nghỉ, ngày làm bù do Chính phủ công bố hằng năm. Quyền PROVINCE_ADMIN, HTTP Basic.")
@ApiResponse(responseCode = "400", description = "Dữ liệu không hợp lệ (problem+json; errors: field, rule, message)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "Chưa xác thực (HTTP Basic)")
@ApiResponse(responseCode = "403", description = "Không có quyền PROVINCE_ADMIN")
class AnnouncementApi {


    private final RecordingAnnouncements recording;

    AnnouncementApi(RecordingAnnouncements recording) {
        this.recording = recording;
    }

    @GetMapping
    @Operation(summary = "Các công bố của một năm và lịch sử thay đổi")
    CalendarApiJson.Announcements list(
            @Parameter(description = "Năm, 1900–2100", example = "2026") @RequestParam(required = false) String year) {
        int y = RequestParameters.year("year", year);
        return new CalendarApiJson.Announcements(y,
                recording.current(y).stream().map(CalendarApiJson.AnnouncementView::of).toList(),
                recording.history(y).stream().map(CalendarApiJson.AnnouncementView::of).toList());
    }

    @PostMapping
    @Operation(summary = "Ghi một công bố: ngày nghỉ (DAY_OFF) hoặc ngày làm việc bù (WORKING_DAY)",
            description = "Ngày nghỉ phải rơi vào ngày làm việc theo Bộ luật Lao động; ngày làm bù phải rơi vào ngày nghỉ "
                    + "(thứ Bảy, Chủ nhật, ngày lễ). Bắt buộc có lý do (reason) và số văn bản công bố (decisionNumber).")
    @ApiResponse(responseCode = "201", description = "Đã ghi")
    @ApiResponse(responseCode = "409", description = "Ngày đã có công bố: sửa bằng PUT")
    ResponseEntity<CalendarApiJson.AnnouncementView> announce(@RequestBody CalendarApiJson.AnnouncementBody body,
                                                             Principal administrator) {
        Announcement recorded = recording.announce(body == null ? new AnnouncementDraft(null, null, null, null)
                : new AnnouncementDraft(body.date(), body.kind(), body.reason(), body.decisionNumber()), administrator.getName());
        return ResponseEntity.created(URI.create("/api/v1/calendar/announcements/" + recorded.date()))
                .body(CalendarApiJson.AnnouncementView.of(recorded));
    }

    @PutMapping("/{date}")
    @Operation(summary = "Sửa công bố của một ngày (bản cũ được giữ trong lịch sử)")
    @ApiResponse(responseCode = "404", description = "Ngày chưa có công bố")
    CalendarApiJson.AnnouncementView revise(
            @Parameter(description = "Ngày, YYYY-MM-DD", example = "2026-02-14") @PathVariable String date,
            @RequestBody CalendarApiJson.AnnouncementBody body, Principal administrator) {
        AnnouncementDraft draft = body == null ? new AnnouncementDraft(date, null, null, null)
                : new AnnouncementDraft(date, body.kind(), body.reason(), body.decisionNumber());
        return CalendarApiJson.AnnouncementView.of(recording.revise(AnnouncementRules.date(date), draft,
                administrator.getName()));
    }

    @DeleteMapping("/{date}")
    @Operation(summary = "Rút công bố của một ngày (vẫn giữ trong lịch sử, ghi người rút và thời điểm)")
    @ApiResponse(responseCode = "204", description = "Đã rút")
    @ApiResponse(responseCode = "404", description = "Ngày chưa có công bố")
    ResponseEntity<Void> withdraw(
            @Parameter(description = "Ngày, YYYY-MM-DD", example = "2026-02-14") @PathVariable String date,
            Principal administrator) {
        recording.withdraw(AnnouncementRules.date(date), administrator.getName());
        return ResponseEntity.noContent().build();
    }
}
