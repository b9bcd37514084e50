package vn.gov.egov.lgsp.gateway;

import vn.gov.egov.lgsp.registry.ServiceAddress;

/**
 * A gateway path read from the raw (still percent-encoded) request URI: the service address and the path beneath it,
 * kept encoded as the consumer sent it. Anything that could move the target out from beneath the provider's endpoint
 * or into a header is refused: dot segments (plain or encoded), encoded slashes and backslashes, empty segments,
 * {@code @}, {@code ;}, control characters, bad percent escapes.
 *
 * @param subPath {@code ""} or {@code /segment/...}, percent-encoded as received
 */
record CallPath(ServiceAddress address, String subPath) {

    /** Reads {@code rawUri} ({@code /lgsp/r1/p/s/svc/v1/...}, no query). */
    static CallPath parse(String rawUri) {
        String prefix = GatewayHeaders.PATH_PREFIX + "/";
        if (rawUri == null || !rawUri.startsWith(prefix)) {
            throw bad("Đường dẫn phải có dạng " + GatewayHeaders.PATH_PREFIX + "/{bên cung cấp}/{hệ thống}/{dịch vụ}/{phiên bản}/...");
        }
        String rest = rawUri.substring(prefix.length());
        checkCharacters(rest);
        String[] parts = new String[4];
        int from = 0;
        for (int i = 0; i < 4; i++) {
            int slash = rest.indexOf('/', from);
            int end = slash < 0 ? rest.length() : slash;
            parts[i] = rest.substring(from, end);
            if (!ServiceAddress.isCode(parts[i])) {
                throw bad("Địa chỉ dịch vụ phải gồm bốn mã {bên cung cấp}/{hệ thống}/{dịch vụ}/{phiên bản} "
                        + "(chữ, số, '.', '-', '_')");
            }
            if (slash < 0) {
                if (i < 3) {
                    throw bad("Địa chỉ dịch vụ phải gồm bốn mã {bên cung cấp}/{hệ thống}/{dịch vụ}/{phiên bản}");
                }
                from = rest.length();
            } else {
                from = slash + 1;
            }
        }
        String subPath = from >= rest.length() ? (rest.endsWith("/") ? "/" : "") : "/" + rest.substring(from);
        checkSegments(subPath);
        return new CallPath(new ServiceAddress(parts[0], parts[1], parts[2], parts[3]), subPath);
    }

    /** The operation path for access rights: the sub-path, {@code /} when empty. */
    String operationPath() {
        return subPath.isEmpty() ? "/" : subPath;
    }

    private static void checkCharacters(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw bad("Đường dẫn có mã '%' sai");
                }
                int b = hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2));
                if (b < 0x20 || b == 0x7f || b == '/' || b == '\\' || b == '.' || b == '%' || b == '@' || b == ';'
                        || b == '?' || b == '#') {
                    throw bad("Đường dẫn không được chứa ký tự điều khiển hoặc '/', '\\', '.', '%', '@', ';', '?', '#' đã mã hoá");
                }
                i += 2;
            } else if (!allowed(c)) {
                throw bad("Đường dẫn chứa ký tự không được phép: chỉ chữ, số và - . _ ~ ! $ & ' ( ) * + , = : /");
            }
        }
    }

    private static void checkSegments(String subPath) {
        if (subPath.isEmpty() || subPath.equals("/")) {
            return;
        }
        String[] segments = subPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i < segments.length - 1) {
                throw bad("Đường dẫn không được có đoạn rỗng ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw bad("Đường dẫn không được chứa '.' hoặc '..'");
            }
        }
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,=:/".indexOf(c) >= 0;
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static GatewayRefusal bad(String detail) {
        return new GatewayRefusal(GatewayError.BAD_REQUEST, detail);
    }
}
