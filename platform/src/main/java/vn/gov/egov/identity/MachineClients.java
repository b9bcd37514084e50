package vn.gov.egov.identity;

import java.util.Set;

/**
 * The SSO's clients that the platform's own components call with (client credentials): the platform calling the LGSP
 * gateway, a separate gateway process asking whether tokens are still active. The component keeps its secret; the SSO
 * keeps only its hash.
 */
public interface MachineClients {

    /**
     * Registers a client-credentials client with this secret, or gives the existing client this secret (and the
     * client-credentials grant) when it has another; nothing is written when it already has them. Audited. Safe when
     * several nodes do it at once with the same secret.
     *
     * @param scopes the client's scopes; {@code null} leaves an existing client's scopes as they are
     * @return whether anything was written
     */
    boolean ensure(String clientId, String name, String secret, Set<String> scopes);
}
