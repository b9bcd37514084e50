package vn.gov.egov.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's API (role AUDITOR only, HTTP Basic): verify the chain, search it, export it as JSON lines. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Nhật ký hệ thống", description = "Kiểm tra tính toàn vẹn, tra cứu và xuất nhật ký hệ thống (chỉ người kiểm tra nhật ký, vai trò AUDITOR)")
@ApiResponse(responseCode = "400", description = "Tham số không hợp lệ (problem+json)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class AuditApi {

    static final String NDJSON = "application/x-ndjson";

    private final ReadingAudit reading;

    AuditApi(ReadingAudit reading) {
        this.reading = reading;
    }

    @GetMapping("/verify")
    @Operation(summary = "Kiểm tra toàn bộ chuỗi nhật ký",
            description = "Tính lại mọi mã băm từ điểm kiểm soát (sau lần xóa theo thời hạn lưu trữ gần nhất) đến bản ghi cuối. "
                    + "ok=false khi có bản ghi bị sửa (HASH_MISMATCH, PREVIOUS_HASH_MISMATCH, UNREADABLE) hoặc bị xóa "
                    + "(SEQUENCE_GAP, TRUNCATED); firstBrokenSequence là số thứ tự đầu tiên bị phá vỡ.")
    ChainVerification verify() {
        return reading.verify();
    }

    @GetMapping("/entries")
    @Operation(summary = "Tra cứu nhật ký", description = "Mới nhất trước. Mọi bộ lọc đều không bắt buộc; from/to là ngày (giờ Việt Nam) hoặc thời điểm ISO 8601.")
    AuditJson.Page entries(
            @Parameter(description = "Từ ngày/thời điểm", example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(description = "Đến hết ngày / trước thời điểm", example = "2026-11-30") @RequestParam(required = false) String to,
            @Parameter(description = "Mã người thực hiện") @RequestParam(required = false) String actor,
            @Parameter(description = "Hành động, ví dụ LOGIN, LOGIN_FAILED, CATALOG_EDIT") @RequestParam(required = false) String action,
            @Parameter(description = "Loại đối tượng, ví dụ catalog") @RequestParam(required = false) String objectType,
            @Parameter(description = "Mã đối tượng") @RequestParam(required = false) String objectId,
            @Parameter(description = "SUCCESS, FAILURE hoặc DENIED") @RequestParam(required = false) String outcome,
            @Parameter(description = "Trang, từ 0") @RequestParam(required = false) String page,
            @Parameter(description = "Số bản ghi mỗi trang, 1–500 (mặc định 50)") @RequestParam(required = false) String size) {
        AuditQuery query = AuditParameters.query(from, to, actor, action, objectType, objectId, outcome, page, size);
        AuditStore.Found found = reading.search(query);
        return new AuditJson.Page(found.total(), query.page(), query.size(),
                found.items().stream().map(AuditJson.Entry::of).toList());
    }

    @GetMapping("/export")
    @Operation(summary = "Xuất nhật ký dạng JSON lines (application/x-ndjson)",
            description = "Mỗi dòng là một bản ghi ở dạng chuẩn tắc đã dùng để tính mã băm, cộng trường hash: SHA-256 của dòng "
                    + "khi bỏ trường hash. Theo thứ tự chuỗi; afterSequence để lấy tiếp từ lần xuất trước.")
    void export(@Parameter(description = "Từ ngày/thời điểm") @RequestParam(required = false) String from,
                @Parameter(description = "Đến hết ngày / trước thời điểm") @RequestParam(required = false) String to,
                @Parameter(description = "Chỉ các bản ghi có số thứ tự lớn hơn") @RequestParam(required = false) String afterSequence,
                HttpServletResponse response) throws IOException {
        Instant start = AuditParameters.start("from", from);
        Instant end = AuditParameters.end("to", to);
        long after = AuditParameters.sequence("afterSequence", afterSequence);
        response.setContentType(NDJSON + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.ndjson\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        reading.export(start, end, after, line -> {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }
}
