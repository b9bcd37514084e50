package vn.gov.egov.dossier;

import java.util.List;

/** A submission (or supplement) refused as a whole: nothing was written. */
public class SubmissionRefused extends RuntimeException {

    private final List<Violation> violations;

    public SubmissionRefused(List<Violation> violations) {
        super(violations.isEmpty() ? "Hồ sơ không hợp lệ"
                : "Hồ sơ chưa nộp được: " + String.join("; ", violations.stream().map(Violation::message).toList()));
        this.violations = List.copyOf(violations);
    }

    public SubmissionRefused(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
