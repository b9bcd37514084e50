package vn.gov.egov.processing;

import java.util.LinkedHashSet;
import java.util.Set;
import vn.gov.egov.identity.Official;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;

/** Candidate groups ({@code ROLE@agency} or {@code ROLE@agency/unit}) and the positions that match them. */
final class Groups {

    private Groups() {
    }

    /**
     * The groups an official's positions answer to: a position in a division answers to its division's group and to
     * its agency's; a position of the agency itself only to the agency's.
     */
    static Set<String> of(Official official) {
        Set<String> groups = new LinkedHashSet<>();
        for (Position p : official.positions()) {
            groups.add(p.role().name() + "@" + p.agencyCode());
            if (p.unitCode() != null && !p.unitCode().isBlank() && !p.unitCode().equals(p.agencyCode())) {
                groups.add(p.role().name() + "@" + p.agencyCode() + "/" + p.unitCode());
            }
        }
        return groups;
    }

    /**
     * The specialists' groups a division head or agency leader supervises (they assign those steps): the specialists of
     * their agency, and of their unit when the position names one.
     */
    static Set<String> supervisedBy(Official official) {
        Set<String> groups = new LinkedHashSet<>();
        for (Position p : official.positions()) {
            if (p.role() == Role.DIVISION_HEAD || p.role() == Role.AGENCY_LEADER) {
                groups.add(Role.SPECIALIST.name() + "@" + p.agencyCode());
                if (p.unitCode() != null && !p.unitCode().isBlank() && !p.unitCode().equals(p.agencyCode())) {
                    groups.add(Role.SPECIALIST.name() + "@" + p.agencyCode() + "/" + p.unitCode());
                }
            }
        }
        return groups;
    }

    static Role role(String group) {
        if (group == null || !group.contains("@")) {
            return null;
        }
        try {
            return Role.valueOf(group.substring(0, group.indexOf('@')));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String agency(String group) {
        return RecordingSteps.agencyOf(group);
    }

    /** Whose the unit is: the division head of the step's division, else the agency's leader. */
    static String headOf(String group) {
        String agency = agency(group);
        if (agency == null) {
            return null;
        }
        String unit = group.substring(group.indexOf('@') + 1);
        Role role = role(group);
        if (unit.contains("/") && role != Role.DIVISION_HEAD && role != Role.AGENCY_LEADER) {
            return Role.DIVISION_HEAD.name() + "@" + unit;
        }
        return Role.AGENCY_LEADER.name() + "@" + agency;
    }

    static boolean holds(Official official, Role role, String agency) {
        return official.positions().stream().anyMatch(p -> p.role() == role && p.agencyCode().equals(agency));
    }
}
