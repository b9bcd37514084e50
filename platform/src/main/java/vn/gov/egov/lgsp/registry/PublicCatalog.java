package vn.gov.egov.lgsp.registry;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The developers' catalog: services in a public state (testing, published, deprecated), searchable with or without
 * Vietnamese diacritics. Never the internal endpoint, never access rights.
 */
@Component
class PublicCatalog {

    static final Set<ServiceState> PUBLIC_STATES = EnumSet.of(ServiceState.TESTING, ServiceState.PUBLISHED, ServiceState.DEPRECATED);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final RegistryStore store;
    private final DescriptionRules descriptions;

    PublicCatalog(RegistryStore store, DescriptionRules descriptions) {
        this.store = store;
        this.descriptions = descriptions;
    }

    /** A service as the public sees it. */
    record PublicService(UUID id, String code, String version, String address, String gatewayPath, String providerCode,
                         String providerName, String subsystemCode, String subsystemName, String name, String description,
                         String owner, String sla, SecurityLevel securityLevel, ServiceState state, Protocol protocol,
                         String descriptionUrl) {
    }

    /** Search: {@code q} in code, name, description, owner or provider (diacritics and case ignored). */
    List<PublicService> search(String q, String provider, Protocol protocol, ServiceState state) {
        String needle = fold(q);
        return store.services().stream()
                .filter(s -> PUBLIC_STATES.contains(s.state()))
                .filter(s -> state == null || s.state() == state)
                .filter(s -> protocol == null || s.protocol() == protocol)
                .filter(s -> provider == null || provider.isBlank() || s.address().provider().equalsIgnoreCase(provider.strip()))
                .filter(s -> needle.isEmpty() || fold(s.address().path() + " " + s.name() + " " + s.description() + " "
                        + s.owner() + " " + s.providerName() + " " + s.subsystemName()).contains(needle))
                .map(PublicCatalog::view)
                .toList();
    }

    Optional<PublicService> service(UUID id) {
        return store.service(id).filter(s -> PUBLIC_STATES.contains(s.state())).map(PublicCatalog::view);
    }

    /** The description document of a public service. */
    Optional<String> document(UUID id) {
        return service(id).flatMap(s -> store.document(id));
    }

    List<DescriptionRules.Operation> operations(UUID id) {
        return service(id).flatMap(s -> store.document(id).map(d -> descriptions.operations(s.protocol(), d))).orElse(List.of());
    }

    /** Providers that have a public service: code and name. */
    List<String[]> providers() {
        return store.services().stream().filter(s -> PUBLIC_STATES.contains(s.state()))
                .map(s -> new String[] {s.address().provider(), s.providerName()})
                .collect(java.util.stream.Collectors.toMap(p -> p[0], p -> p, (a, b) -> a, java.util.TreeMap::new))
                .values().stream().toList();
    }

    static PublicService view(RegisteredService s) {
        return new PublicService(s.id(), s.address().service(), s.address().version(), s.address().path(),
                "/lgsp/r1/" + s.address().path(), s.address().provider(), s.providerName(), s.address().subsystem(),
                s.subsystemName(), s.name(), s.description(), s.owner(), s.sla(), s.securityLevel(), s.state(), s.protocol(),
                s.hasDocument() ? "/api/v1/lgsp/services/" + s.id() + "/description" : null);
    }

    /** Lower case without diacritics: "Công dân" and "cong dan" match; đ is d. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd');
    }
}
