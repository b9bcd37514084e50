package vn.gov.egov.lgsp.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An access right's operation, parsed once when the snapshot is built: {@code *} (anything), {@code METHOD /a/* /b}
 * (REST: method and path segments, {@code *} one segment, a last {@code **} any rest) or a SOAP operation name.
 */
record OperationPattern(String text, Kind kind, String method, String[] segments) {

    enum Kind { ANY, REST, SOAP }

    static final String ANY = "*";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()+,;=:@%-]+|\\*|\\*\\*");
    private static final Pattern SOAP_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

    /** The normalized form of an operation for a service of this protocol, or empty when it is not one. */
    static Optional<String> normalize(String operation, Protocol protocol) {
        return parse(operation, protocol).map(OperationPattern::text);
    }

    static Optional<OperationPattern> parse(String operation, Protocol protocol) {
        if (operation == null) {
            return Optional.empty();
        }
        String text = operation.strip();
        if (text.equals(ANY)) {
            return Optional.of(new OperationPattern(ANY, Kind.ANY, null, null));
        }
        if (protocol == Protocol.SOAP) {
            return SOAP_NAME.matcher(text).matches()
                    ? Optional.of(new OperationPattern(text, Kind.SOAP, null, null)) : Optional.empty();
        }
        String[] parts = text.split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        String method = parts[0].toUpperCase(Locale.ROOT);
        String path = parts[1];
        if (!METHODS.contains(method) || !path.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = segments(path);
        if (segments == null) {
            return Optional.empty();
        }
        for (int i = 0; i < segments.length; i++) {
            if (!SEGMENT.matcher(segments[i]).matches() || segments[i].equals(".") || segments[i].equals("..")
                    || (segments[i].equals("**") && i != segments.length - 1)) {
                return Optional.empty();
            }
        }
        return Optional.of(new OperationPattern(method + " /" + String.join("/", segments), Kind.REST, method, segments));
    }

    /** Whether a call (HTTP method and path beneath the service; for SOAP the operation name) is this operation. */
    boolean matches(String callMethod, String operationPath) {
        switch (kind) {
            case ANY:
                return true;
            case SOAP:
                return text.equals(operationPath);
            default:
                if (callMethod == null || !method.equalsIgnoreCase(callMethod) || operationPath == null) {
                    return false;
                }
                String[] call = segments(operationPath.startsWith("/") ? operationPath : "/" + operationPath);
                if (call == null) {
                    return false;
                }
                for (int i = 0; i < segments.length; i++) {
                    if (segments[i].equals("**")) {
                        return true;
                    }
                    if (i >= call.length) {
                        return false;
                    }
                    String part = call[i];
                    if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                        return false;
                    }
                    if (!segments[i].equals("*") && !segments[i].equals(part)) {
                        return false;
                    }
                }
                return call.length == segments.length;
        }
    }

    /** "/a/b/" → [a, b]; "/" → []; null for a path with an empty or dot segment. */
    private static String[] segments(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/")) {
            return new String[0];
        }
        String[] parts = trimmed.substring(1).split("/", -1);
        if (Arrays.stream(parts).anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
            return null;
        }
        return parts;
    }
}
