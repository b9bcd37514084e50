package vn.gov.egov.calendar;

import java.util.List;
import java.util.stream.Collectors;

/** An announcement that could not be recorded, with every reason (field and rule). */
class AnnouncementRejected extends RuntimeException {

    enum Why {
        /** The input breaks a rule. */
        INVALID,
        /** The date already has an announcement. */
        ALREADY_ANNOUNCED,
        /** The date has no announcement to revise or withdraw. */
        NOT_ANNOUNCED
    }

    private final Why why;
    private final List<Violation> violations;

    AnnouncementRejected(Why why, List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.rule()).collect(Collectors.joining(", ")));
        this.why = why;
        this.violations = List.copyOf(violations);
    }

    Why why() {
        return why;
    }

    List<Violation> violations() {
        return violations;
    }
}
