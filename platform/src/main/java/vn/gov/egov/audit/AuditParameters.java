package vn.gov.egov.audit;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the auditor's filters, so that a bad one is answered with a Vietnamese problem detail naming it. Dates are
 * days in Vietnam: {@code from=2026-11-01} starts at 00:00 that day, {@code to=2026-11-30} ends at the end of that day.
 */
final class AuditParameters {

    static final URI INVALID_PARAMETER = URI.create("urn:egov:audit:invalid-parameter");

    private AuditParameters() {
    }

    static AuditQuery query(String from, String to, String actor, String action, String objectType, String objectId,
                            String outcome, String page, String size) {
        return new AuditQuery(start("from", from), end("to", to), blankToNull(actor), blankToNull(action),
                blankToNull(objectType), blankToNull(objectId), outcome("outcome", outcome),
                number("page", page, 0, 0, 1_000_000), number("size", size, AuditQuery.DEFAULT_SIZE, 1, AuditQuery.MAX_SIZE));
    }

    /** A day (its start in Vietnam) or an ISO 8601 moment; null when blank. */
    static Instant start(String name, String value) {
        return moment(name, value, false);
    }

    /** A day (the start of the next day in Vietnam, so that the day is included) or an ISO 8601 moment; null when blank. */
    static Instant end(String name, String value) {
        return moment(name, value, true);
    }

    static long sequence(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long sequence = Long.parseLong(value.trim());
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw bad(name, "integer", "phải là số thứ tự bản ghi, số nguyên không âm (nhận được '" + value + "').");
    }

    private static Instant moment(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim().replace(' ', '+');
        try {
            LocalDate day = LocalDate.parse(text);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(AuditQuery.VIETNAM).toInstant();
        } catch (DateTimeParseException notADay) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notAMoment) {
                try {
                    return LocalDateTime.parse(text).atZone(AuditQuery.VIETNAM).toInstant();
                } catch (DateTimeParseException e) {
                    throw bad(name, "format", "phải là ngày YYYY-MM-DD (giờ Việt Nam) hoặc thời điểm ISO 8601, ví dụ "
                            + "2026-11-27 hoặc 2026-11-27T08:00:00+07:00 (nhận được '" + value + "').");
                }
            }
        }
    }

    static Outcome outcome(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(name, "one-of", "chỉ nhận SUCCESS (thành công), FAILURE (thất bại) hoặc DENIED (bị từ chối) "
                    + "(nhận được '" + value + "').");
        }
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw bad(name, "range", "phải là số nguyên từ " + min + " đến " + max + " (nhận được '" + value + "').");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static ErrorResponseException bad(String parameter, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Tham số '" + parameter + "': " + detail);
        problem.setType(INVALID_PARAMETER);
        problem.setTitle("Tham số không hợp lệ");
        problem.setProperty("parameter", parameter);
        problem.setProperty("rule", rule);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
