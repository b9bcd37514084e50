package vn.gov.egov.lgsp.registry;

import java.util.regex.Pattern;

/**
 * Where a service is on the gateway: {@code /lgsp/r1/{provider}/{subsystem}/{service}/{version}}. Provider is the
 * member's code, subsystem the provider's system, service and version as registered. Each part is a code:
 * letters, digits, '.', '-' and '_' only, so that an address never carries a path trick.
 */
public record ServiceAddress(String provider, String subsystem, String service, String version) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ServiceAddress {
        for (String part : new String[] {provider, subsystem, service, version}) {
            if (part == null || !CODE.matcher(part).matches() || part.contains("..")) {
                throw new IllegalArgumentException("Not a service address part: " + part);
            }
        }
    }

    public static boolean isCode(String part) {
        return part != null && CODE.matcher(part).matches() && !part.contains("..");
    }

    /** The gateway path without the {@code /lgsp/r1} prefix, e.g. {@code BCA/CSDLQGDC/cong-dan/v1}. */
    public String path() {
        return provider + "/" + subsystem + "/" + service + "/" + version;
    }

    @Override
    public String toString() {
        return path();
    }
}
