package vn.gov.egov.lgsp.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rules of the registry's input, each broken one named by field and rule with a Vietnamese message. */
final class RegistryRules {

    static final int MAX_NAME = 300;
    static final int MAX_TEXT = 4000;
    static final int MAX_DOCUMENT = 2 * 1024 * 1024;

    private RegistryRules() {
    }

    static void code(List<RegistryViolation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new RegistryViolation(field, "required", "Trường " + field + " là bắt buộc"));
        } else if (!ServiceAddress.isCode(value)) {
            violations.add(new RegistryViolation(field, "code", "Trường " + field
                    + " chỉ gồm chữ cái không dấu, chữ số, '.', '-', '_' (tối đa 64 ký tự, bắt đầu bằng chữ hoặc số)"));
        }
    }

    static void name(List<RegistryViolation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new RegistryViolation(field, "required", "Trường " + field + " là bắt buộc"));
        } else if (value.length() > MAX_NAME) {
            violations.add(new RegistryViolation(field, "length", "Trường " + field + " dài tối đa " + MAX_NAME + " ký tự"));
        }
    }

    static void text(List<RegistryViolation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new RegistryViolation(field, "length", "Trường " + field + " dài tối đa " + max + " ký tự"));
        }
    }

    static void reason(List<RegistryViolation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new RegistryViolation(field, "required", "Phải nêu lý do (trường " + field + ")"));
        } else {
            text(violations, field, value, 1000);
        }
    }

    /**
     * A provider's base address: absolute http or https URL with a host, no user-info (credentials never sit in a
     * URL), no query and no fragment.
     */
    static void endpoint(List<RegistryViolation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new RegistryViolation(field, "required", "Trường " + field + " (địa chỉ nội bộ của dịch vụ) là bắt buộc"));
            return;
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            violations.add(new RegistryViolation(field, "url", "Trường " + field + " không phải là một URL hợp lệ"));
            return;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            violations.add(new RegistryViolation(field, "absolute", "Trường " + field + " phải là URL tuyệt đối có tên máy (http://máy:cổng/đường-dẫn)"));
        } else if (!"http".equals(scheme) && !"https".equals(scheme)) {
            violations.add(new RegistryViolation(field, "scheme", "Trường " + field + " phải dùng giao thức http hoặc https"));
        }
        if (uri.getRawUserInfo() != null) {
            violations.add(new RegistryViolation(field, "user-info", "Trường " + field + " không được chứa tên người dùng hoặc mật khẩu"));
        }
        if (uri.getRawFragment() != null) {
            violations.add(new RegistryViolation(field, "fragment", "Trường " + field + " không được chứa phần '#…'"));
        }
        if (uri.getRawQuery() != null) {
            violations.add(new RegistryViolation(field, "query", "Trường " + field + " không được chứa tham số truy vấn '?…'"));
        }
    }

    static void limits(List<RegistryViolation> violations, Duration timeout, int rate, int burst, long maxBytes) {
        if (timeout == null || timeout.toMillis() < 100 || timeout.toMillis() > 300_000) {
            violations.add(new RegistryViolation("timeout", "range", "Trường timeout phải từ 100 ms đến 300 giây"));
        }
        if (rate < 1 || rate > 100_000) {
            violations.add(new RegistryViolation("ratePerSecond", "range", "Trường ratePerSecond phải từ 1 đến 100000 lượt/giây"));
        }
        if (burst < 1 || burst > 1_000_000) {
            violations.add(new RegistryViolation("burst", "range", "Trường burst phải từ 1 đến 1000000"));
        } else if (burst < rate) {
            violations.add(new RegistryViolation("burst", "at-least-rate", "Trường burst không được nhỏ hơn ratePerSecond"));
        }
        if (maxBytes < 0 || maxBytes > 1024L * 1024 * 1024) {
            violations.add(new RegistryViolation("maxRequestBytes", "range", "Trường maxRequestBytes phải từ 0 đến 1 GiB"));
        }
    }

    static List<String> operations(List<RegistryViolation> violations, List<String> operations, Protocol protocol) {
        List<String> normalized = new ArrayList<>();
        if (operations == null || operations.isEmpty()) {
            violations.add(new RegistryViolation("operations", "required",
                    "Phải nêu thao tác được dùng: '*' (toàn bộ dịch vụ) hoặc từng thao tác"));
            return normalized;
        }
        if (operations.size() > 100) {
            violations.add(new RegistryViolation("operations", "count", "Tối đa 100 thao tác trong một yêu cầu"));
            return normalized;
        }
        for (String operation : operations) {
            var parsed = OperationPattern.normalize(operation, protocol);
            if (parsed.isEmpty()) {
                violations.add(new RegistryViolation("operations", protocol == Protocol.SOAP ? "soap-operation" : "rest-operation",
                        "Thao tác '" + abbreviate(operation) + "' không hợp lệ: "
                                + (protocol == Protocol.SOAP ? "dùng '*' hoặc tên thao tác SOAP"
                                : "dùng '*' hoặc 'PHƯƠNG-THỨC /đường/dẫn' (ví dụ 'GET /citizens/*')")));
            } else if (!normalized.contains(parsed.get())) {
                normalized.add(parsed.get());
            }
        }
        return normalized.contains(OperationPattern.ANY) ? List.of(OperationPattern.ANY) : normalized;
    }

    static void throwIfAny(List<RegistryViolation> violations) {
        if (!violations.isEmpty()) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, violations);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
