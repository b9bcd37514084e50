package vn.gov.egov.calendar;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the calendar's own refusals into problem details with Vietnamese text, for the calendar API only. */
@RestControllerAdvice(assignableTypes = {CalendarApi.class, AnnouncementApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarApiAdvice {

    private final CalendarMessages messages;

    CalendarApiAdvice(CalendarMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(AnnouncementRejected rejection) {
        return problem(CalendarProblem.rejected(rejection, messages));
    }

    /** A count that runs past the calendar's last year, and the like. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> outOfRange(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(CalendarProblem.INVALID_PARAMETER);
        problem.setTitle("Ngoài phạm vi của lịch");
        problem.setProperty("rule", "range");
        return problem(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Nội dung yêu cầu phải là JSON: {\"date\": \"YYYY-MM-DD\", \"kind\": \"DAY_OFF\" hoặc \"WORKING_DAY\", "
                        + "\"reason\": \"…\", \"decisionNumber\": \"…\"}.");
        problem.setType(CalendarProblem.INVALID_ANNOUNCEMENT);
        problem.setTitle("Nội dung không đọc được");
        problem.setProperty("rule", "json");
        return problem(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
