package vn.gov.egov.lgsp.messagelog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.egov.lgsp.messagelog.ChainCheck;
import vn.gov.egov.lgsp.messagelog.LogPage;
import vn.gov.egov.lgsp.messagelog.LogRecord;
import vn.gov.egov.lgsp.messagelog.MessageLogQueries;

/**
 * The message log for LGSP operators (the province administrator and auditors may read): search, one record, chain
 * verification; bodies for auditors only, each opening audited.
 */
@RestController
@RequestMapping("/api/v1/lgsp/message-log")
@Tag(name = "LGSP – nhật ký thông điệp", description = "Tra cứu và kiểm tra tính toàn vẹn nhật ký các lượt gọi qua LGSP "
        + "(vận hành LGSP; quản trị tỉnh và kiểm toán được xem; nội dung thông điệp chỉ kiểm toán được mở)")
@ApiResponse(responseCode = "400", description = "Tham số không hợp lệ (problem+json)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class MessageLogApi {

    private final MessageLogQueries queries;
    private final BodiesReading bodies;

    MessageLogApi(MessageLogQueries queries, BodiesReading bodies) {
        this.queries = queries;
        this.bodies = bodies;
    }

    @GetMapping("/records")
    @Operation(summary = "Tra cứu nhật ký thông điệp", description = "Mới nhất trước. Mọi bộ lọc không bắt buộc; from/to là "
            + "ngày (giờ Việt Nam) hoặc thời điểm ISO 8601; errorClass là 'ok', một lớp lỗi (gateway.quota_exceeded) "
            + "hoặc 'gateway.' / 'provider.'; service kết thúc bằng '/' để lấy mọi dịch vụ bên dưới.")
    LogPage records(@Parameter(description = "Mã yêu cầu (X-Lgsp-Request-Id)") @RequestParam(required = false) String requestId,
                    @Parameter(description = "Hệ thống gọi, dạng thành-viên/hệ-thống") @RequestParam(required = false) String consumer,
                    @Parameter(description = "Dịch vụ, dạng provider/subsystem/service/version") @RequestParam(required = false) String service,
                    @Parameter(description = "CALL, PUBLISH hoặc DELIVERY") @RequestParam(required = false) String kind,
                    @Parameter(description = "Từ ngày/thời điểm") @RequestParam(required = false) String from,
                    @Parameter(description = "Đến hết ngày / trước thời điểm") @RequestParam(required = false) String to,
                    @Parameter(description = "Mã trạng thái HTTP") @RequestParam(required = false) String status,
                    @Parameter(description = "Lớp lỗi") @RequestParam(required = false) String errorClass,
                    @Parameter(description = "Trang, từ 0") @RequestParam(required = false) String page,
                    @Parameter(description = "Số bản ghi mỗi trang, 1–500 (mặc định 50)") @RequestParam(required = false) String size) {
        return queries.search(LogParameters.search(requestId, consumer, service, kind, from, to, status, errorClass),
                LogParameters.page(page), LogParameters.size(size));
    }

    @GetMapping("/records/{node}/{sequence}")
    @Operation(summary = "Một bản ghi (không kèm nội dung thông điệp)")
    LogRecord record(@PathVariable String node, @PathVariable String sequence) {
        long number = LogParameters.sequence(sequence);
        return queries.record(node, number).orElseThrow(() -> LogParameters.notFound(node, number));
    }

    @GetMapping("/records/{node}/{sequence}/bodies")
    @Operation(summary = "Mở nội dung thông điệp của một bản ghi (chỉ kiểm toán; mỗi lần mở được ghi nhật ký hệ thống)",
            description = "text khi nội dung là UTF-8, ngược lại base64; null khi dịch vụ không lưu nội dung.")
    BodiesReading.Opened bodies(@PathVariable String node, @PathVariable String sequence) {
        long number = LogParameters.sequence(sequence);
        LogRecord record = queries.record(node, number).orElseThrow(() -> LogParameters.notFound(node, number));
        return bodies.open(record).orElseThrow(() -> LogParameters.notFound(node, number));
    }

    @GetMapping("/verify")
    @Operation(summary = "Kiểm tra chuỗi băm của nhật ký thông điệp trong một khoảng thời gian",
            description = "ok=false khi có bản ghi bị sửa (HASH_MISMATCH, PREVIOUS_HASH_MISMATCH), bị xóa (MISSING, "
                    + "HEAD_MISMATCH); problems nêu bản ghi hỏng đầu tiên của từng chuỗi (mỗi nút một chuỗi cho mỗi mức "
                    + "phân loại) trước. Mặc định: 24 giờ qua.")
    ChainCheck verify(@Parameter(description = "Từ ngày/thời điểm") @RequestParam(required = false) String from,
                      @Parameter(description = "Đến hết ngày / trước thời điểm") @RequestParam(required = false) String to) {
        Instant start = LogParameters.start("from", from);
        Instant end = LogParameters.end("to", to);
        if (start == null && end == null) {
            start = Instant.now().minusSeconds(86_400);
        }
        if (start != null && end != null && !start.isBefore(end)) {
            throw LogParameters.bad("to", "after-from", "phải sau 'from' (từ ngày).");
        }
        return queries.verify(start, end);
    }
}
