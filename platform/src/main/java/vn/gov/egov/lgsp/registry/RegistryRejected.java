package vn.gov.egov.lgsp.registry;

import java.util.List;
import java.util.stream.Collectors;

/** A registry change that was refused, with every broken rule (field and rule). */
public class RegistryRejected extends RuntimeException {

    /** Why: the input breaks a rule (400), it conflicts with what exists (409), or names nothing registered (404). */
    public enum Why {
        INVALID, CONFLICT, NOT_FOUND
    }

    private final Why why;
    private final transient List<RegistryViolation> violations;

    public RegistryRejected(Why why, List<RegistryViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.why = why;
        this.violations = List.copyOf(violations);
    }

    public RegistryRejected(Why why, String field, String rule, String message) {
        this(why, List.of(new RegistryViolation(field, rule, message)));
    }

    public Why why() {
        return why;
    }

    public List<RegistryViolation> violations() {
        return violations;
    }
}
