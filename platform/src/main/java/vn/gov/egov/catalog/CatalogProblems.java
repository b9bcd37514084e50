package vn.gov.egov.catalog;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The module's refusals, each answered as RFC 9457 problem+json with a Vietnamese detail. */
final class CatalogProblems {

    private static final String TYPE_BASE = "https://egov.langson.gov.vn/problems/";

    private CatalogProblems() {
    }

    static ErrorResponseException unknownCatalog(String catalog) {
        return problem(HttpStatus.NOT_FOUND, "unknown-catalog", "Không tìm thấy danh mục",
                "Không có danh mục mã '%s'".formatted(catalog));
    }

    static ErrorResponseException unknownEntry(String catalog, String code, Object asOf) {
        return problem(HttpStatus.NOT_FOUND, "unknown-entry", "Không tìm thấy mục danh mục",
                "Danh mục '%s' không có mục mã '%s' có hiệu lực ngày %s".formatted(catalog, code, asOf));
    }

    static ErrorResponseException badParameter(String parameter, String rule, String detail) {
        ErrorResponseException e = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Tham số không hợp lệ", detail);
        e.getBody().setProperty("parameter", parameter);
        e.getBody().setProperty("rule", rule);
        return e;
    }

    static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(java.net.URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    /** A change that breaks rules: nothing of it was applied; {@code errors} lists each row, field and rule. */
    static final class ChangeRefused extends ErrorResponseException {
        private final transient List<RowError> errors;

        ChangeRefused(String catalog, List<RowError> errors) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, body(catalog, errors), null);
            this.errors = List.copyOf(errors);
        }

        List<RowError> errors() {
            return errors;
        }

        private static ProblemDetail body(String catalog, List<RowError> errors) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Thay đổi danh mục '%s' bị từ chối: %d lỗi; không có gì được ghi.".formatted(catalog, errors.size()));
            body.setType(java.net.URI.create(TYPE_BASE + "catalog-change-refused"));
            body.setTitle("Dữ liệu danh mục không hợp lệ");
            body.setProperty("errors", errors);
            return body;
        }
    }
}
