package vn.gov.egov.route;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Role;
import vn.gov.egov.procedure.Procedure;

/**
 * Who may build a procedure's routes: the province administrator for every procedure; an agency administrator for
 * the procedures their agency (or a unit below it) implements or decides, and for routes of their agency.
 */
@Component
class RouteAccess {

    private final Officials officials;
    private final SharedCatalogs catalogs;

    RouteAccess(Officials officials, SharedCatalogs catalogs) {
        this.officials = officials;
        this.catalogs = catalogs;
    }

    static boolean isProvinceAdmin(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> Role.PROVINCE_ADMIN.authority().equals(a.getAuthority()));
    }

    boolean mayManage(Authentication user, Procedure procedure, String agencyCode) {
        if (isProvinceAdmin(user)) {
            return true;
        }
        if (user == null || user.getAuthorities().stream().noneMatch(a -> Role.AGENCY_ADMIN.authority().equals(a.getAuthority()))) {
            return false;
        }
        List<String> administered = officials.byUsername(user.getName()).map(o -> o.agencyCodes(Role.AGENCY_ADMIN)).orElse(List.of());
        Set<String> concerned = new HashSet<>(procedure.implementingAgencies());
        if (procedure.competentAgency() != null) {
            concerned.add(procedure.competentAgency());
        }
        if (agencyCode != null) {
            // a route for one agency: that agency must be the administrator's
            return administered.stream().anyMatch(a -> within(agencyCode, a));
        }
        return concerned.stream().anyMatch(c -> administered.stream().anyMatch(a -> within(c, a)));
    }

    void checkManage(Authentication user, Procedure procedure, String agencyCode) {
        if (!mayManage(user, procedure, agencyCode)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Chỉ quản trị tỉnh hoặc quản trị cơ quan thực hiện thủ tục %s được quản lý quy trình của thủ tục này"
                            .formatted(procedure.code()));
        }
    }

    /** Whether {@code code} is {@code ancestor} or a unit below it in today's agencies catalog. */
    private boolean within(String code, String ancestor) {
        return catalogs.isWithin("agencies", code, ancestor, LocalDate.now(WorkingCalendar.ZONE));
    }
}
