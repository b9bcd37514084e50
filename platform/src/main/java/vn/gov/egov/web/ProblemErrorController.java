package vn.gov.egov.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * Errors that reach the container (unknown paths, refused logins, …): Vietnamese error pages for browsers,
 * RFC 9457 problem+json for everyone else.
 */
@Controller
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, errorProperties(), errorViewResolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> attributes = super.error(request).getBody();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(status, attributes));
        if (attributes != null && attributes.get("path") != null) {
            problem.put("instance", URI.create(String.valueOf(attributes.get("path"))).toString());
        }
        Object requestId = request.getAttribute("requestId");
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status, Map<String, Object> attributes) {
        return switch (status) {
            case UNAUTHORIZED -> "Cần đăng nhập (thông tin xác thực thiếu hoặc không đúng)";
            case FORBIDDEN -> "Không có quyền thực hiện thao tác này";
            case NOT_FOUND -> "Không tìm thấy tài nguyên yêu cầu";
            case METHOD_NOT_ALLOWED -> "Phương thức HTTP không được hỗ trợ cho địa chỉ này";
            default -> status.is5xxServerError() ? "Lỗi hệ thống; vui lòng thử lại sau"
                    : String.valueOf(attributes == null ? status.getReasonPhrase() : attributes.getOrDefault("message", status.getReasonPhrase()));
        };
    }

    private static ErrorProperties errorProperties() {
        ErrorProperties properties = new ErrorProperties();
        properties.setIncludeMessage(ErrorProperties.IncludeAttribute.ALWAYS);
        properties.setIncludeStacktrace(ErrorProperties.IncludeAttribute.NEVER);
        return properties;
    }
}
