package vn.gov.egov.attachment;

/**
 * A file refused, with a Vietnamese message naming the field, the file and the rule. Rule codes: {@code empty},
 * {@code too-large}, {@code type-mismatch}, {@code unsupported-type}, {@code too-many-pages}, {@code unreadable},
 * {@code infected}, {@code scanner-unavailable}, {@code bad-name}.
 */
public class RejectedFile extends RuntimeException {

    private final String field;
    private final String fileName;
    private final String rule;

    public RejectedFile(String field, String fileName, String rule, String message) {
        super(message);
        this.field = field;
        this.fileName = fileName;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String fileName() {
        return fileName;
    }

    public String rule() {
        return rule;
    }
}
