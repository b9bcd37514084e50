package vn.gov.egov.lgsp.gateway;

import java.net.URI;
import java.util.Locale;

/**
 * The address a call is forwarded to: the provider's registered endpoint, the normalised sub-path beneath it, and
 * the query. Built as text and then checked: the result must have the endpoint's scheme, host, port and path prefix
 * and no user-info — a call can never reach another address (no SSRF).
 */
final class ForwardTarget {

    private ForwardTarget() {
    }

    static URI of(URI endpoint, String subPath, String rawQuery) {
        if (rawQuery != null) {
            checkQuery(rawQuery);
        }
        String prefix = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        String path = prefix + subPath;
        if (path.isEmpty()) {
            path = "/";
        }
        String text = endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path
                + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        URI target;
        try {
            target = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw CallPath.bad("Đường dẫn hoặc tham số truy vấn không hợp lệ");
        }
        boolean beneath = target.getScheme().equalsIgnoreCase(endpoint.getScheme())
                && target.getRawUserInfo() == null
                && target.getHost() != null && target.getHost().equalsIgnoreCase(endpoint.getHost())
                && port(target) == port(endpoint)
                && target.getRawPath().startsWith(prefix)
                && (target.getRawPath().length() == prefix.length() || target.getRawPath().charAt(prefix.length()) == '/')
                && target.normalize().getRawPath().equals(target.getRawPath())
                && target.getRawFragment() == null;
        if (!beneath) {
            throw CallPath.bad("Địa chỉ chuyển tiếp nằm ngoài địa chỉ đã đăng ký của dịch vụ");
        }
        return target;
    }

    /** A query may hold any URI query characters and escapes, but never CR, LF, NUL (plain or encoded) or '#'. */
    static void checkQuery(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || CallPath.hex(raw.charAt(i + 1)) < 0 || CallPath.hex(raw.charAt(i + 2)) < 0) {
                    throw CallPath.bad("Tham số truy vấn có mã '%' sai");
                }
                int b = CallPath.hex(raw.charAt(i + 1)) * 16 + CallPath.hex(raw.charAt(i + 2));
                if (b < 0x20 || b == 0x7f) {
                    throw CallPath.bad("Tham số truy vấn không được chứa ký tự điều khiển (CR, LF, NUL...)");
                }
                i += 2;
            } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                throw CallPath.bad("Tham số truy vấn chứa ký tự không được phép (phải mã hoá phần trăm)");
            }
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }
}
