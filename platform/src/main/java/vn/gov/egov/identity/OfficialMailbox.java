package vn.gov.egov.identity;

/**
 * How to reach an active official, for the messages the platform sends them (alerts); not for display to others.
 *
 * @param email  {@code null} when the account has none
 * @param mobile the mobile number in its national form ({@code 0912345678}), {@code null} when the account has none
 */
public record OfficialMailbox(String username, String fullName, String email, String mobile) {

    /** An official reached by e-mail only. */
    public OfficialMailbox(String username, String fullName, String email) {
        this(username, fullName, email, null);
    }
}
