package vn.gov.egov.lgsp;

import vn.gov.egov.lgsp.gateway.GatewayRole;

/**
 * The LGSP's process roles (item 8): the platform's main method asks here whether the jar was started as a
 * gateway-only process ({@code egov.role=lgsp-gateway}, {@code EGOV_ROLE}) and, if so, starts that instead.
 */
public final class LgspProcess {

    private LgspProcess() {
    }

    /** Whether the arguments, the {@code egov.role} system property or {@code EGOV_ROLE} choose the gateway-only role. */
    public static boolean gatewayChosen(String... args) {
        return GatewayRole.chosen(args);
    }

    /** Starts the gateway-only process. */
    public static void runGateway(String... args) {
        GatewayRole.run(args);
    }
}
