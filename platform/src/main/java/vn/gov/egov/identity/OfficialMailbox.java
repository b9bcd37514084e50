package vn.gov.egov.identity;

/**
 * An active official's e-mail address, for the messages the platform sends them (alerts); not for display to others.
 *
 * @param email {@code null} when the account has none
 */
public record OfficialMailbox(String username, String fullName, String email) {
}
