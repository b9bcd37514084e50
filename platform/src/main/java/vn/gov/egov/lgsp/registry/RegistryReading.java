package vn.gov.egov.lgsp.registry;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.gov.egov.identity.Role;

/**
 * What the operator pages and API show. Operators and the province administrator see everything; an agency
 * administrator sees the systems, requests and rights that concern their agency's members.
 */
@Component
class RegistryReading {

    private final RegistryStore store;
    private final RegistryPermissions permissions;

    RegistryReading(RegistryStore store, RegistryPermissions permissions) {
        this.store = store;
        this.permissions = permissions;
    }

    /** Operators and the province administrator (who may read the registry). */
    boolean seesAll() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return permissions.isOperator() || (user != null && user.getAuthorities().stream()
                .anyMatch(a -> Role.PROVINCE_ADMIN.authority().equals(a.getAuthority())));
    }

    void checkReader() {
        if (!seesAll()) {
            throw new AccessDeniedException("Chỉ cán bộ vận hành LGSP hoặc quản trị tỉnh được xem mục này");
        }
    }

    List<RegistryMember> members() {
        return store.members();
    }

    /** The members the caller acts for (all for operators). */
    List<RegistryMember> ownMembers() {
        return store.members().stream().filter(permissions::mayActFor).toList();
    }

    List<RegistrySubsystem> subsystems() {
        List<RegistrySubsystem> all = store.subsystems();
        if (seesAll()) {
            return all;
        }
        Map<UUID, RegistryMember> members = membersById();
        return all.stream().filter(s -> permissions.mayActFor(members.get(s.memberId()))).toList();
    }

    List<RegisteredService> services() {
        return store.services();
    }

    List<RegistryStore.StateChange> history(UUID serviceId) {
        return store.history(serviceId);
    }

    List<AccessRequest> requests(AccessRequestState state) {
        List<AccessRequest> all = store.requests(state);
        if (seesAll()) {
            return all;
        }
        Map<String, RegistryMember> byCode = store.members().stream().collect(Collectors.toMap(RegistryMember::code, Function.identity()));
        return all.stream().filter(r -> concerns(byCode, r.service().provider()) || concerns(byCode, memberOf(r.consumer()))).toList();
    }

    /** Requests the caller may decide: for services of members the caller acts for. */
    boolean mayDecide(AccessRequest request) {
        return store.member(request.service().provider()).map(permissions::mayActFor).orElse(false);
    }

    List<AccessRight> rights(UUID consumer) {
        List<AccessRight> all = consumer == null ? store.rights() : store.rightsOfConsumer(consumer);
        if (seesAll()) {
            return all;
        }
        Map<String, RegistryMember> byCode = store.members().stream().collect(Collectors.toMap(RegistryMember::code, Function.identity()));
        return all.stream().filter(r -> concerns(byCode, r.service().provider()) || concerns(byCode, memberOf(r.consumer()))).toList();
    }

    /** A system's registered client certificates, for those who see everything or act for its member. */
    List<ClientCertificate> certificates(UUID subsystemId) {
        RegistrySubsystem subsystem = store.subsystem(subsystemId).orElseThrow(() -> new RegistryRejected(
                RegistryRejected.Why.NOT_FOUND, "subsystem", "not-found", "Không có hệ thống này"));
        if (!seesAll() && !store.member(subsystem.memberId()).map(permissions::mayActFor).orElse(false)) {
            throw new AccessDeniedException("Chỉ cán bộ vận hành LGSP, quản trị tỉnh hoặc quản trị của thành viên được xem chứng thư số của hệ thống này");
        }
        return store.certificatesOf(subsystemId);
    }

    /** Every active client certificate by system (for the members page; filtered there with the systems). */
    Map<UUID, List<ClientCertificate>> certificatesBySystem() {
        return RegistryStore.activeCertificates(store.jdbc()).stream().collect(Collectors.groupingBy(ClientCertificate::subsystemId));
    }

    private Map<UUID, RegistryMember> membersById() {
        return store.members().stream().collect(Collectors.toMap(RegistryMember::id, Function.identity()));
    }

    private boolean concerns(Map<String, RegistryMember> byCode, String memberCode) {
        RegistryMember member = byCode.get(memberCode);
        return member != null && permissions.mayActFor(member);
    }

    private static String memberOf(String systemPath) {
        int slash = systemPath.indexOf('/');
        return slash < 0 ? systemPath : systemPath.substring(0, slash);
    }
}
