package vn.gov.egov.processing;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.identity.Role;

/**
 * A candidate group in words, for the officers' pages and the control sheet: {@code SPECIALIST@SO-TP} → "Chuyên viên
 * – Sở Tư pháp", {@code SPECIALIST@SO-TP/<unit>} → "Chuyên viên – <unit's name>, Sở Tư pháp", names from the agencies
 * catalog as of today (a code the catalog does not know is shown as it is).
 */
@Component
class GroupNames {

    private static final String AGENCIES = "agencies";

    private final SharedCatalogs catalogs;

    GroupNames(SharedCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    public String of(String group) { // public for SpEL
        Role role = Groups.role(group);
        if (role == null) {
            return group == null ? "" : group;
        }
        String agency = Groups.agency(group);
        String where = group.substring(group.indexOf('@') + 1);
        int slash = where.indexOf('/');
        String place = slash < 0 ? name(agency) : name(where.substring(slash + 1)) + ", " + name(agency);
        return role.vietnameseName() + " – " + place;
    }

    private String name(String code) {
        return catalogs.entry(AGENCIES, code, LocalDate.now(WorkingCalendar.ZONE)).map(CatalogEntry::name).orElse(code);
    }
}
