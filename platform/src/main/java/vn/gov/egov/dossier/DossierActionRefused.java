package vn.gov.egov.dossier;

/**
 * An action that the dossier's state or the caller's position does not allow, e.g. withdrawing a dossier already
 * received, or an officer receiving for an agency where they have no one-stop position.
 *
 * @see #rule() {@code wrong-status}, {@code not-permitted}
 */
public class DossierActionRefused extends RuntimeException {

    private final String rule;

    public DossierActionRefused(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
