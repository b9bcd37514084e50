package vn.gov.egov.lgsp.messagelog.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import vn.gov.egov.lgsp.messagelog.LogSearch;

/** The message log's query parameters as pages and the API take them, with Vietnamese errors naming the parameter. */
final class LogParameters {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final URI INVALID_PARAMETER = URI.create("https://egov.langson.gov.vn/problems/invalid-parameter");
    static final int DEFAULT_SIZE = 50;

    private LogParameters() {
    }

    static LogSearch search(String requestId, String consumer, String service, String kind, String from, String to,
                            String status, String errorClass) {
        Instant start = start("from", from);
        Instant end = end("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw bad("to", "after-from", "phải sau 'from' (từ ngày).");
        }
        Integer code = null;
        if (present(status)) {
            code = integer("status", status, 100, 599);
        }
        if (present(kind) && !kind.strip().matches("CALL|PUBLISH|DELIVERY")) {
            throw bad("kind", "one-of", "phải là CALL, PUBLISH hoặc DELIVERY (nhận được '" + shorten(kind) + "').");
        }
        if (present(errorClass) && !errorClass.strip().matches("ok|(gateway|provider|pubsub)\\.[a-z_]*")) {
            throw bad("errorClass", "format", "phải là 'ok', một lớp lỗi như 'gateway.quota_exceeded', hoặc 'gateway.' /"
                    + " 'provider.' cho mọi lỗi của phía đó (nhận được '" + shorten(errorClass) + "').");
        }
        for (String[] p : new String[][] {{"requestId", requestId}, {"consumer", consumer}, {"service", service}}) {
            if (p[1] != null && p[1].length() > 200) {
                throw bad(p[0], "length", "dài tối đa 200 ký tự.");
            }
        }
        return new LogSearch(blankToNull(requestId), blankToNull(consumer), blankToNull(service), blankToNull(kind),
                start, end, code, blankToNull(errorClass));
    }

    /** A day (Vietnam time, from its start) or an ISO 8601 instant; null when empty. */
    static Instant start(String name, String value) {
        return moment(name, value, false);
    }

    /** A day (to its end, Vietnam time) or an ISO 8601 instant; null when empty. */
    static Instant end(String name, String value) {
        return moment(name, value, true);
    }

    private static Instant moment(String name, String value, boolean endOfDay) {
        if (!present(value)) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(VIETNAM).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw bad(name, "date", "phải là ngày dạng yyyy-MM-dd hoặc thời điểm ISO 8601 như 2026-11-27T08:00:00Z"
                    + " (nhận được '" + shorten(v) + "').");
        }
    }

    static int integer(String name, String value, int min, int max) {
        if (!present(value)) {
            return min;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw bad(name, "range", "phải là số nguyên từ " + min + " đến " + max + " (nhận được '" + shorten(value) + "').");
    }

    static int page(String value) {
        return integer("page", value, 0, 100_000);
    }

    static int size(String value) {
        return present(value) ? integer("size", value, 1, 500) : DEFAULT_SIZE;
    }

    static long sequence(String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw bad("sequence", "range", "phải là số thứ tự dương của bản ghi (nhận được '" + shorten(value) + "').");
    }

    static ErrorResponseException bad(String parameter, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Tham số '" + parameter + "': " + detail);
        problem.setType(INVALID_PARAMETER);
        problem.setTitle("Tham số không hợp lệ");
        problem.setProperty("parameter", parameter);
        problem.setProperty("rule", rule);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    static ErrorResponseException notFound(String node, long sequence) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Không có bản ghi số " + sequence + " của nút '" + shorten(node) + "' trong nhật ký thông điệp.");
        problem.setType(URI.create("https://egov.langson.gov.vn/problems/not-found"));
        problem.setTitle("Không tìm thấy");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value.strip() : null;
    }

    private static String shorten(String value) {
        String v = value.replaceAll("[\\p{Cntrl}]", "?");
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
