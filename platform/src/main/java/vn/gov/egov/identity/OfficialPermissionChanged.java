package vn.gov.egov.identity;

import java.time.Instant;

/**
 * An official's access changed: the account was created, a position granted or revoked, the account disabled or
 * enabled, its second factor reset or its lock-out lifted. {@code role}, {@code agencyCode} and {@code unitCode}
 * name the position for grants and revocations, and the account's agency otherwise. Also in the audit trail.
 */
public record OfficialPermissionChanged(String actor, String username, Change change, Role role, String agencyCode,
                                        String unitCode, Instant at) {

    public enum Change { CREATED, POSITION_GRANTED, POSITION_REVOKED, POSITION_RETITLED, DISABLED, ENABLED, SECOND_FACTOR_RESET, UNLOCKED, CONTACT_CHANGED }
}
