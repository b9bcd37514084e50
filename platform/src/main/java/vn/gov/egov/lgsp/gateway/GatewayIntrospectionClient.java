package vn.gov.egov.lgsp.gateway;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.egov.identity.MachineClients;

/**
 * On the platform (the SSO's side): the client a separate gateway process authenticates with when it asks the SSO
 * whether a token is still active (token introspection). When {@code egov.lgsp.gateway.introspection.client-id} and
 * {@code client-secret} are set on the platform (the same values as on the gateway process, from the environment;
 * only the demonstration profile has some), the client is registered, or its secret renewed, at start (stored
 * hashed, audited). Without them, the administrator may register any client-credentials client on the "Ứng dụng kết
 * nối" page and give its id and secret to the gateway. Not part of the gateway process itself.
 */
@Component
class GatewayIntrospectionClient {

    private static final Logger log = LoggerFactory.getLogger(GatewayIntrospectionClient.class);

    private final MachineClients clients;
    private final String clientId;
    private final String secret;

    GatewayIntrospectionClient(MachineClients clients,
                               @Value("${egov.lgsp.gateway.introspection.client-id:}") String clientId,
                               @Value("${egov.lgsp.gateway.introspection.client-secret:}") String secret) {
        this.clients = clients;
        this.clientId = clientId == null ? "" : clientId.strip();
        this.secret = secret == null ? "" : secret;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (clientId.isEmpty() || secret.isEmpty()) {
            return;
        }
        try {
            ensure();
        } catch (RuntimeException e) {
            log.warn("LGSP: the gateway's introspection client {} could not be registered: {}", clientId, e.getMessage());
        }
    }

    /** Registers the client, or renews its secret when it changed; true when something was written. */
    boolean ensure() {
        boolean written = clients.ensure(clientId, "Cổng LGSP (kiểm tra mã truy cập)", secret, Set.of());
        if (written) {
            log.info("LGSP: the gateway's introspection client {} registered or given its configured secret", clientId);
        }
        return written;
    }
}
