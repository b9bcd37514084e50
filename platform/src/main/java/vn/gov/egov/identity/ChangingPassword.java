package vn.gov.egov.identity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.audit.Actor;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;

/**
 * An official changes their password: on their account page (with the current one), or right after the second
 * factor when the account was created with a generated password. The new one must satisfy {@link PasswordPolicy}.
 */
@Service
class ChangingPassword {

    /** Session attribute: both factors were given, but a generated first password must be changed first. */
    static final String OWED = "egov.login.passwordChangeOwed";
    static final Duration OWED_FOR = Duration.ofMinutes(15);

    /** The login waiting for a first password of the official's own, with the authentication it will give. */
    record Owed(String username, Authentication authentication, Instant since) implements Serializable {
    }

    private final OfficialAccounts accounts;
    private final LoginHistory history;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    ChangingPassword(OfficialAccounts accounts, LoginHistory history, PasswordEncoder passwords, AuditTrail audit) {
        this.accounts = accounts;
        this.history = history;
        this.passwords = passwords;
        this.audit = audit;
    }

    /**
     * Changes the password, or says for each field what is wrong (Vietnamese); {@code current} is null when the
     * official has just logged in with a generated password.
     */
    @Transactional
    Map<String, String> change(String username, String current, String newPassword, String repeated) {
        Map<String, String> errors = new LinkedHashMap<>();
        OfficialAccounts.Account account = accounts.byUsername(username).filter(OfficialAccounts.Account::active).orElse(null);
        if (account == null) {
            errors.put("current", "Tài khoản không còn hoạt động");
            return errors;
        }
        if (current != null && !passwords.matches(current, account.passwordHash())) {
            errors.put("current", "Mật khẩu hiện tại không đúng");
        }
        var problems = PasswordPolicy.violations(newPassword, account.username());
        if (!problems.isEmpty()) {
            errors.put("newPassword", String.join("; ", problems));
        } else if (passwords.matches(newPassword, account.passwordHash())) {
            errors.put("newPassword", "Mật khẩu mới phải khác mật khẩu đang dùng");
        }
        if (newPassword == null || !newPassword.equals(repeated)) {
            errors.put("repeated", "Hai lần nhập mật khẩu mới không giống nhau");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        accounts.passwordChosen(account.username(), passwords.encode(newPassword));
        history.record(account.username(), LoginHistory.Kind.PASSWORD_CHANGED, OfficialLogin.clientIp(), OfficialLogin.userAgent());
        audit.record(AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS).actor(Actor.user(account.username()))
                .object(ManagingOfficials.OBJECT_TYPE, account.username()).changed(java.util.List.of("password"))
                .detail("firstLogin", current == null).fromCurrentRequest().build());
        return errors;
    }
}
