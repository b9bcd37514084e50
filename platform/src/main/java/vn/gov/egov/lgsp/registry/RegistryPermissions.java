package vn.gov.egov.lgsp.registry;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Role;

/**
 * Who may change the registry: the user of the current thread. LGSP operators do everything; an agency
 * administrator acts for the members whose agency is theirs (or a unit below it); without a user the platform
 * itself acts (start-up, seed data, jobs).
 */
@Component
class RegistryPermissions {

    static final String PLATFORM = "system";

    private final Officials officials;
    private final SharedCatalogs catalogs;

    RegistryPermissions(Officials officials, SharedCatalogs catalogs) {
        this.officials = officials;
        this.catalogs = catalogs;
    }

    /** The acting user's name, or {@value #PLATFORM}. */
    String actor() {
        Authentication user = user();
        return user == null ? PLATFORM : user.getName();
    }

    boolean isOperator() {
        Authentication user = user();
        return user == null || has(user, Role.LGSP_OPERATOR);
    }

    void checkOperator(String act) {
        if (!isOperator()) {
            throw new AccessDeniedException("Chỉ cán bộ vận hành LGSP được " + act);
        }
    }

    /** Operators, or an agency administrator of the member's agency (not for national systems and other members). */
    boolean mayActFor(RegistryMember member) {
        if (isOperator()) {
            return true;
        }
        Authentication user = user();
        if (member.kind() != MemberKind.PROVINCIAL_AGENCY || member.agencyCode() == null || !has(user, Role.AGENCY_ADMIN)) {
            return false;
        }
        List<String> administered = officials.byUsername(user.getName()).map(o -> o.agencyCodes(Role.AGENCY_ADMIN)).orElse(List.of());
        return administered.stream().anyMatch(a -> within(member.agencyCode(), a));
    }

    void checkActFor(RegistryMember member, String act) {
        if (!mayActFor(member)) {
            throw new AccessDeniedException("Chỉ cán bộ vận hành LGSP hoặc quản trị của " + member.name() + " được " + act);
        }
    }

    /** Whether {@code code} is {@code ancestor} or a unit below it in today's agencies catalog. */
    private boolean within(String code, String ancestor) {
        return catalogs.isWithin("agencies", code, ancestor, LocalDate.now(WorkingCalendar.ZONE));
    }

    private static boolean has(Authentication user, Role role) {
        return user.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    private static Authentication user() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated() ? null : user;
    }
}
