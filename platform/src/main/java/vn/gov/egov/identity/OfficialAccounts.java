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
                   Instant lastLoginAt, String agencyCode, boolean mustChangePassword, Instant accessChangedAt,
                   String mobileSealed) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** The purpose officials' mobile numbers are sealed for. */
    static final String MOBILE = "identity.official.mobile";

    /** The provincial People's Committee, root of the agencies catalog. */
    static final String PROVINCE_AGENCY = "UBND-20";

    private final JdbcClient jdbc;
    private final ActiveTokenCache activeTokens;

    OfficialAccounts(JdbcClient jdbc, ActiveTokenCache activeTokens) {
        this.jdbc = jdbc;
        this.activeTokens = activeTokens;
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql("SELECT * FROM official_account WHERE username = ?").param(normalize(username))
                .query(OfficialAccounts::account).optional();
    }

    private static Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("password_hash"), rs.getString("totp_secret_sealed"),
                rs.getBoolean("totp_confirmed"), rs.getLong("totp_last_step"), rs.getString("status"),
                rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("last_login_at")),
                rs.getString("agency_code"), rs.getBoolean("must_change_password"), instant(rs.getTimestamp("access_changed_at")),
                rs.getString("mobile_sealed"));
    }

    /** An account of the provincial People's Committee, with a password of its own (see the full form). */
    UUID create(String username, String fullName, String email, String passwordHash, String totpSecretSealed, String createdBy) {
        return create(username, fullName, email, passwordHash, totpSecretSealed, createdBy, PROVINCE_AGENCY, false);
    }

    UUID create(String username, String fullName, String email, String passwordHash, String totpSecretSealed, String createdBy,
                String agencyCode, boolean mustChangePassword) {
        return create(username, fullName, email, null, passwordHash, totpSecretSealed, createdBy, agencyCode, mustChangePassword);
    }

    /** @param mobileSealed the mobile number sealed for {@link #MOBILE}, or null */
    UUID create(String username, String fullName, String email, String mobileSealed, String passwordHash, String totpSecretSealed,
                String createdBy, String agencyCode, boolean mustChangePassword) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO official_account (id, username, full_name, email, mobile_sealed, password_hash, totp_secret_sealed,
                                              created_by, agency_code, must_change_password)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, normalize(username), fullName, email, mobileSealed, passwordHash, totpSecretSealed, createdBy,
                agencyCode, mustChangePassword).update();
        return id;
    }

    /** The account's e-mail address and sealed mobile number (either null: none). */
    void changeContact(String username, String email, String mobileSealed) {
        jdbc.sql("UPDATE official_account SET email = ?, mobile_sealed = ? WHERE username = ?")
                .params(email, mobileSealed, normalize(username)).update();
    }

    /** Accounts of these agencies or holding a position in one of them ({@code null}: every account), by username. */
    List<Account> inAgencies(java.util.Collection<String> agencyCodes) {
        if (agencyCodes == null) {
            return jdbc.sql("SELECT * FROM official_account ORDER BY username").query(OfficialAccounts::account).list();
        }
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM official_account a WHERE a.agency_code IN (:codes)
                   OR EXISTS (SELECT 1 FROM official_position p WHERE p.account_id = a.id AND p.revoked_at IS NULL AND p.agency_code IN (:codes))
                ORDER BY a.username
                """).param("codes", agencyCodes).query(OfficialAccounts::account).list();
    }

    /** A position with what the administrators need to manage it. */
    record HeldPosition(long id, Position position, String grantedBy, Instant grantedAt) {
    }

    List<HeldPosition> heldPositions(UUID accountId) {
        return jdbc.sql("""
                SELECT id, role, agency_code, unit_code, title, granted_by, granted_at FROM official_position
                WHERE account_id = ? AND revoked_at IS NULL ORDER BY id
                """).param(accountId)
                .query((rs, n) -> new HeldPosition(rs.getLong("id"), position(rs),
                        rs.getString("granted_by"), instant(rs.getTimestamp("granted_at"))))
                .list();
    }

    long grantReturningId(UUID accountId, Position position, String grantedBy) {
        return jdbc.sql("""
                INSERT INTO official_position (account_id, role, agency_code, unit_code, title, granted_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """).params(accountId, position.role().name(), position.agencyCode(), position.unitCode(), position.title(), grantedBy)
                .query(Long.class).single();
    }

    /** The title (chức danh) of a position still held; {@code null} clears it. */
    boolean retitle(UUID accountId, long positionId, String title) {
        return jdbc.sql("UPDATE official_position SET title = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
                .params(title, positionId, accountId).update() == 1;
    }

    boolean revoke(UUID accountId, long positionId, String revokedBy) {
        return jdbc.sql("UPDATE official_position SET revoked_at = now(), revoked_by = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
                .params(revokedBy, positionId, accountId).update() == 1;
    }

    /** How many active accounts hold an active position with this role. */
    int activeHolders(Role role) {
        return jdbc.sql("""
                SELECT count(DISTINCT a.id) FROM official_account a JOIN official_position p ON p.account_id = a.id
                WHERE p.role = ? AND p.revoked_at IS NULL AND a.status = 'ACTIVE'
                """).param(role.name()).query(Integer.class).single();
    }

    void setStatus(String username, String status) {
        jdbc.sql("UPDATE official_account SET status = ? WHERE username = ?").params(status, normalize(username)).update();
    }

    /** A new, not yet enrolled one-time-code secret: the official enrols it at the next login. */
    void resetSecondFactor(String username, String totpSecretSealed) {
        jdbc.sql("UPDATE official_account SET totp_secret_sealed = ?, totp_confirmed = FALSE WHERE username = ?")
                .params(totpSecretSealed, normalize(username)).update();
    }

    void unlock(String username) {
        jdbc.sql("UPDATE official_account SET failed_attempts = 0, locked_until = NULL WHERE username = ?")
                .param(normalize(username)).update();
    }

    /** Ends the sessions and tokens obtained before now (checked by {@link StaleSessions} and the token store). */
    void accessChanged(String username) {
        jdbc.sql("UPDATE official_account SET access_changed_at = now() WHERE username = ?").param(normalize(username)).update();
        jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = ?").param(normalize(username)).update();
        activeTokens.forgetAll();
    }

    void passwordChosen(String username, String passwordHash) {
        jdbc.sql("UPDATE official_account SET password_hash = ?, password_changed_at = now(), must_change_password = FALSE WHERE username = ?")
                .params(passwordHash, normalize(username)).update();
    }

    void grant(UUID accountId, Position position, String grantedBy) {
        jdbc.sql("INSERT INTO official_position (account_id, role, agency_code, unit_code, title, granted_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(accountId, position.role().name(), position.agencyCode(), position.unitCode(), position.title(), grantedBy).update();
    }

    /** Active accounts with an active position of this role in the agency, by name. */
    List<Account> holding(Role role, String agencyCode) {
        return jdbc.sql("""
                SELECT * FROM official_account a WHERE a.status = 'ACTIVE' AND EXISTS (
                  SELECT 1 FROM official_position p WHERE p.account_id = a.id AND p.revoked_at IS NULL AND p.role = ? AND p.agency_code = ?)
                ORDER BY a.full_name, a.username LIMIT 500""")
                .params(role.name(), agencyCode).query(OfficialAccounts::account).list();
    }

    /** As {@link #holding(Role, String)}, in one unit of the agency ({@code unitCode} null: any), or any agency ({@code null}). */
    List<Account> holding(Role role, String agencyCode, String unitCode) {
        return jdbc.sql("""
                SELECT * FROM official_account a WHERE a.status = 'ACTIVE' AND EXISTS (
                  SELECT 1 FROM official_position p WHERE p.account_id = a.id AND p.revoked_at IS NULL AND p.role = :role
                    AND (cast(:agency as text) IS NULL OR p.agency_code = :agency)
                    AND (cast(:unit as text) IS NULL OR p.unit_code = :unit))
                ORDER BY a.full_name, a.username LIMIT 500""")
                .param("role", role.name()).param("agency", agencyCode).param("unit", unitCode)
                .query(OfficialAccounts::account).list();
    }

    /** The official as other modules see them, with the positions held today: one query. */
    Optional<Official> official(String username) {
        return jdbc.sql("""
                SELECT a.username, a.full_name, p.role, p.agency_code, p.unit_code, p.title
                FROM official_account a LEFT JOIN official_position p ON p.account_id = a.id AND p.revoked_at IS NULL
                WHERE a.username = ? ORDER BY p.id""").param(normalize(username)).query(rs -> {
            if (!rs.next()) {
                return Optional.<Official>empty();
            }
            String name = rs.getString("username");
            String fullName = rs.getString("full_name");
            List<Position> positions = new java.util.ArrayList<>();
            do {
                if (rs.getString("role") != null) {
                    positions.add(position(rs));
                }
            } while (rs.next());
            return Optional.of(new Official(name, fullName, List.copyOf(positions)));
        });
    }

    /** The positions held today by each of these accounts (at most a few hundred), in one query. */
    java.util.Map<UUID, List<Position>> positions(java.util.Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<UUID, List<Position>> held = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT account_id, role, agency_code, unit_code, title FROM official_position
                WHERE account_id IN (:accounts) AND revoked_at IS NULL ORDER BY id""")
                .param("accounts", accountIds)
                .query(rs -> {
                    held.computeIfAbsent(rs.getObject("account_id", UUID.class), id -> new java.util.ArrayList<>()).add(position(rs));
                });
        return held;
    }

    List<Position> positions(UUID accountId) {
        return jdbc.sql("SELECT role, agency_code, unit_code, title FROM official_position WHERE account_id = ? AND revoked_at IS NULL ORDER BY id")
                .param(accountId).query((rs, n) -> position(rs)).list();
    }

    private static Position position(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Position(Role.valueOf(rs.getString("role")), rs.getString("agency_code"), rs.getString("unit_code"), rs.getString("title"));
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
