package vn.gov.egov.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Officials' accounts and positions (tables of this module only). */
@Repository
class OfficialAccounts {

    record Account(UUID id, String username, String fullName, String email, String passwordHash, String totpSecretSealed,
                   boolean totpConfirmed, long totpLastStep, String status, int failedAttempts, Instant lockedUntil,
                   Instant lastLoginAt) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    private final JdbcClient jdbc;

    OfficialAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql("SELECT * FROM official_account WHERE username = ?").param(normalize(username))
                .query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("full_name"),
                        rs.getString("email"), rs.getString("password_hash"), rs.getString("totp_secret_sealed"),
                        rs.getBoolean("totp_confirmed"), rs.getLong("totp_last_step"), rs.getString("status"),
                        rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("last_login_at"))))
                .optional();
    }

    UUID create(String username, String fullName, String email, String passwordHash, String totpSecretSealed, String createdBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO official_account (id, username, full_name, email, password_hash, totp_secret_sealed, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(id, normalize(username), fullName, email, passwordHash, totpSecretSealed, createdBy).update();
        return id;
    }

    void grant(UUID accountId, Position position, String grantedBy) {
        jdbc.sql("INSERT INTO official_position (account_id, role, agency_code, unit_code, granted_by) VALUES (?, ?, ?, ?, ?)")
                .params(accountId, position.role().name(), position.agencyCode(), position.unitCode(), grantedBy).update();
    }

    List<Position> positions(UUID accountId) {
        return jdbc.sql("SELECT role, agency_code, unit_code FROM official_position WHERE account_id = ? AND revoked_at IS NULL ORDER BY id")
                .param(accountId)
                .query((rs, n) -> new Position(Role.valueOf(rs.getString("role")), rs.getString("agency_code"), rs.getString("unit_code")))
                .list();
    }

    /** Counts a failed attempt and locks the account for {@code lockFor} once {@code maxAttempts} is reached. */
    int recordFailure(String username, int maxAttempts, java.time.Duration lockFor, Instant now) {
        return jdbc.sql("""
                UPDATE official_account SET failed_attempts = failed_attempts + 1,
                       locked_until = CASE WHEN failed_attempts + 1 >= :max THEN CAST(:until AS timestamptz) ELSE locked_until END
                WHERE username = :username RETURNING failed_attempts
                """).param("max", maxAttempts).param("until", Timestamp.from(now.plus(lockFor))).param("username", normalize(username))
                .query(Integer.class).optional().orElse(0);
    }

    void recordSuccess(String username, Instant now) {
        jdbc.sql("UPDATE official_account SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE username = ?")
                .params(Timestamp.from(now), normalize(username)).update();
    }

    /** Accepts a TOTP time step only once, and only if it is later than the last one used (no replay). */
    boolean useTotpStep(String username, long step) {
        return jdbc.sql("UPDATE official_account SET totp_last_step = ?, totp_confirmed = TRUE WHERE username = ? AND totp_last_step < ?")
                .params(step, normalize(username), step).update() == 1;
    }

    void changePassword(String username, String passwordHash) {
        jdbc.sql("UPDATE official_account SET password_hash = ?, password_changed_at = now() WHERE username = ?")
                .params(passwordHash, normalize(username)).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
