package vn.gov.egov.identity;

import java.util.List;

/** An official as other modules see them: who, and the positions (roles in agencies' units) they hold today. */
public record Official(String username, String fullName, List<Position> positions) {

    public boolean holds(Role role) {
        return positions.stream().anyMatch(p -> p.role() == role);
    }

    public List<String> agencyCodes() {
        return positions.stream().map(Position::agencyCode).distinct().toList();
    }

    /** The agencies where the official holds this role. */
    public List<String> agencyCodes(Role role) {
        return positions.stream().filter(p -> p.role() == role).map(Position::agencyCode).distinct().toList();
    }
}
