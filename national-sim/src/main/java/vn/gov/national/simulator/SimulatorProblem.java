package vn.gov.national.simulator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal of one of the simulated national systems, answered as RFC 9457 problem+json whose Vietnamese
 * {@code detail} names the field and the rule; {@code field}, {@code rule} and, for several faults, {@code errors}
 * say the same for programs. Every body carries {@code simulator: true}.
 */
public final class SimulatorProblem extends ErrorResponseException {

    static final String TYPE_BASE = "https://national-sim.mo-phong.example/problems/";

    /** One fault of a request: the field (JSON path, header or parameter), the rule it breaks, a Vietnamese message. */
    public record FieldError(String field, String rule, String message) {
    }

    private SimulatorProblem(HttpStatus status, String type, String title, String detail) {
        super(status, body(status, type, title, detail), null);
    }

    private static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        body.setProperty("simulator", true);
        return body;
    }

    public static SimulatorProblem invalid(String field, String rule, String message) {
        return invalid(List.of(new FieldError(field, rule, message)));
    }

    /** 400 for every fault at once; {@code detail} joins their messages, {@code field} and {@code rule} are the first's. */
    public static SimulatorProblem invalid(List<FieldError> errors) {
        SimulatorProblem problem = new SimulatorProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Yêu cầu không hợp lệ",
                errors.stream().map(FieldError::message).collect(Collectors.joining("; ")));
        problem.getBody().setProperty("field", errors.get(0).field());
        problem.getBody().setProperty("rule", errors.get(0).rule());
        problem.getBody().setProperty("errors", errors.stream().map(e -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", e.field());
            error.put("rule", e.rule());
            error.put("message", e.message());
            return error;
        }).toList());
        return problem;
    }

    public static SimulatorProblem notFound(String type, String detail) {
        return new SimulatorProblem(HttpStatus.NOT_FOUND, type, "Không tìm thấy", detail);
    }

    public static SimulatorProblem conflict(String type, String detail) {
        return new SimulatorProblem(HttpStatus.CONFLICT, type, "Xung đột", detail);
    }

    public static SimulatorProblem unauthorized(String detail) {
        SimulatorProblem problem = new SimulatorProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Chưa xác thực", detail);
        problem.getHeaders().set("WWW-Authenticate", "Bearer realm=\"national-sim\"");
        return problem;
    }
}
