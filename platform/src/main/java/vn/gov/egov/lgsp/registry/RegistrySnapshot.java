package vn.gov.egov.lgsp.registry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the registry answers from between reloads: immutable, replaced as a whole. */
record RegistrySnapshot(
        long generation,
        Map<ServiceAddress, ProviderService> services,
        Map<String, ConsumerSystem> systemsByPath,
        Map<String, ConsumerSystem> systemsByClientId,
        Map<RightKey, List<OperationPattern>> rights,
        Map<UUID, List<ClientCertificate>> certificates) {

    record RightKey(UUID consumer, UUID service) {
    }

    static final RegistrySnapshot EMPTY = new RegistrySnapshot(0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
}
