package vn.gov.egov.lgsp.registry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ServiceRegistry} from memory: the whole registry is loaded at start into an immutable snapshot, reloaded at
 * once after a change committed on this node ({@link #refresh()}) and, for changes made on other nodes, when the
 * generation row has grown (one cheap query every {@code egov.lgsp.registry.check-interval}, 1 s by default).
 * Depends on the database only, so that the gateway can run as its own process.
 */
@Component
class SnapshotRegistry implements ServiceRegistry, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRegistry.class);

    private final JdbcClient jdbc;
    private final Duration checkInterval;
    private volatile RegistrySnapshot snapshot;
    private ScheduledExecutorService checker;
    private boolean running;

    SnapshotRegistry(JdbcClient jdbc, @Value("${egov.lgsp.registry.check-interval:1s}") Duration checkInterval) {
        this.jdbc = jdbc;
        this.checkInterval = checkInterval;
    }

    @Override
    public Optional<ProviderService> service(ServiceAddress address) {
        return Optional.ofNullable(current().services().get(address));
    }

    @Override
    public Optional<ConsumerSystem> system(String member, String subsystem) {
        return Optional.ofNullable(current().systemsByPath().get(member + "/" + subsystem));
    }

    @Override
    public Optional<ConsumerSystem> consumerByClientId(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(current().systemsByClientId().get(clientId));
    }

    @Override
    public boolean mayCall(ConsumerSystem consumer, ProviderService service, String method, String operationPath) {
        if (consumer == null || service == null) {
            return false;
        }
        List<OperationPattern> operations = current().rights().get(new RegistrySnapshot.RightKey(consumer.id(), service.id()));
        if (operations == null) {
            return false;
        }
        for (OperationPattern operation : operations) {
            if (operation.matches(method, operationPath)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<ClientCertificate> clientCertificates(ConsumerSystem consumer) {
        if (consumer == null) {
            return List.of();
        }
        return current().certificates().getOrDefault(consumer.id(), List.of());
    }

    @Override
    public long generation() {
        return current().generation();
    }

    private RegistrySnapshot current() {
        RegistrySnapshot loaded = snapshot;
        if (loaded == null) {
            refresh();
            loaded = snapshot;
        }
        return loaded;
    }

    /** Loads the registry now (after a change committed on this node, or when another node's change is seen). */
    synchronized void refresh() {
        long generation = storedGeneration();
        // read the generation first: a change committed meanwhile makes the next check load again
        snapshot = load(generation);
    }

    /** The periodic check: reload only when another node (or this one) has changed the registry since. */
    void checkForChanges() {
        try {
            RegistrySnapshot loaded = snapshot;
            if (loaded == null || storedGeneration() != loaded.generation()) {
                refresh();
            }
        } catch (RuntimeException e) {
            log.warn("LGSP registry: could not check for changes ({}); keeping the loaded snapshot", e.toString());
        }
    }

    private long storedGeneration() {
        return jdbc.sql("SELECT value FROM lgsp_registry_generation WHERE id = 1").query(Long.class).single();
    }

    private RegistrySnapshot load(long generation) {
        Map<ServiceAddress, ProviderService> services = new HashMap<>();
        jdbc.sql("SELECT s.id, m.code AS member, ss.code AS subsystem, s.code, s.version, s.protocol, s.state, s.endpoint,"
                        + " s.timeout_millis, s.rate_per_second, s.burst, s.max_request_bytes, s.log_bodies, s.security_level"
                        + " FROM lgsp_registry_service s JOIN lgsp_registry_subsystem ss ON ss.id = s.subsystem_id"
                        + " JOIN lgsp_registry_member m ON m.id = ss.member_id")
                .query((rs, row) -> new ProviderService(rs.getObject("id", UUID.class),
                        new ServiceAddress(rs.getString("member"), rs.getString("subsystem"), rs.getString("code"), rs.getString("version")),
                        Protocol.valueOf(rs.getString("protocol")), ServiceState.valueOf(rs.getString("state")),
                        URI.create(rs.getString("endpoint")), Duration.ofMillis(rs.getInt("timeout_millis")),
                        rs.getInt("rate_per_second"), rs.getInt("burst"), rs.getLong("max_request_bytes"),
                        rs.getBoolean("log_bodies"), SecurityLevel.valueOf(rs.getString("security_level"))))
                .list().forEach(s -> services.put(s.address(), s));
        Map<String, ConsumerSystem> byPath = new HashMap<>();
        Map<String, ConsumerSystem> byClient = new HashMap<>();
        jdbc.sql("SELECT ss.id, m.code AS member, ss.code, ss.client_id FROM lgsp_registry_subsystem ss"
                        + " JOIN lgsp_registry_member m ON m.id = ss.member_id")
                .query((rs, row) -> new ConsumerSystem(rs.getObject("id", UUID.class), rs.getString("member"),
                        rs.getString("code"), rs.getString("client_id")))
                .list().forEach(system -> {
                    byPath.put(system.name(), system);
                    if (system.clientId() != null) {
                        byClient.put(system.clientId(), system);
                    }
                });
        Map<UUID, Protocol> protocols = new HashMap<>();
        services.values().forEach(s -> protocols.put(s.id(), s.protocol()));
        Map<RegistrySnapshot.RightKey, List<OperationPattern>> rights = new HashMap<>();
        jdbc.sql("SELECT consumer_id, service_id, operation FROM lgsp_registry_access_right WHERE revoked_at IS NULL")
                .query((rs, row) -> {
                    UUID service = rs.getObject("service_id", UUID.class);
                    RegistrySnapshot.RightKey key = new RegistrySnapshot.RightKey(rs.getObject("consumer_id", UUID.class), service);
                    OperationPattern.parse(rs.getString("operation"), protocols.getOrDefault(service, Protocol.REST))
                            .ifPresent(p -> rights.computeIfAbsent(key, k -> new ArrayList<>()).add(p));
                    return key;
                })
                .list();
        Map<RegistrySnapshot.RightKey, List<OperationPattern>> frozen = new HashMap<>();
        rights.forEach((key, operations) -> frozen.put(key, List.copyOf(operations)));
        Map<UUID, List<ClientCertificate>> certificates = new HashMap<>();
        RegistryStore.activeCertificates(jdbc).forEach(certificate ->
                certificates.computeIfAbsent(certificate.subsystemId(), k -> new ArrayList<>()).add(certificate));
        Map<UUID, List<ClientCertificate>> frozenCertificates = new HashMap<>();
        certificates.forEach((system, list) -> frozenCertificates.put(system, List.copyOf(list)));
        return new RegistrySnapshot(generation, Map.copyOf(services), Map.copyOf(byPath), Map.copyOf(byClient), Map.copyOf(frozen),
                Map.copyOf(frozenCertificates));
    }

    @Override
    public synchronized void start() {
        refresh();
        running = true;
        if (!checkInterval.isZero() && !checkInterval.isNegative()) {
            checker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "lgsp-registry-check");
                thread.setDaemon(true);
                return thread;
            });
            checker.scheduleWithFixedDelay(this::checkForChanges, checkInterval.toMillis(), checkInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** Early: loaded before the web server takes calls. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
