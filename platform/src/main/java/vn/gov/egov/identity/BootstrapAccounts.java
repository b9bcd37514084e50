package vn.gov.egov.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The first accounts of a new installation, from configuration: the province administrator (and the auditor),
 * created once. Their one-time-code secret is enrolled at the first login unless configured.
 */
@Component
@Order(5)
@EnableConfigurationProperties(BootstrapAccounts.Settings.class)
class BootstrapAccounts implements ApplicationRunner {

    @ConfigurationProperties("egov.security")
    record Settings(Account bootstrapAdmin, Account bootstrapAuditor) {
    }

    record Account(String username, String password, String totpSecret, String fullName, String agency) {
    }

    private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);

    private final Settings settings;
    private final OfficialAccounts accounts;
    private final OfficialLogin login;
    private final PasswordEncoder passwords;

    BootstrapAccounts(Settings settings, OfficialAccounts accounts, OfficialLogin login, PasswordEncoder passwords) {
        this.settings = settings;
        this.accounts = accounts;
        this.login = login;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        create(settings.bootstrapAdmin(), Role.PROVINCE_ADMIN, "Quản trị tỉnh");
        create(settings.bootstrapAuditor(), Role.AUDITOR, "Kiểm toán nhật ký");
    }

    private void create(Account account, Role role, String defaultName) {
        if (account == null || !StringUtils.hasText(account.username()) || !StringUtils.hasText(account.password())
                || accounts.byUsername(account.username()).isPresent()) {
            return;
        }
        String password = account.password();
        String hash;
        if (password.startsWith("{")) {
            hash = password;
        } else {
            List<String> problems = PasswordPolicy.violations(password, account.username());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The bootstrap account " + account.username() + " has a weak password: " + problems);
            }
            hash = passwords.encode(password);
        }
        String secret = StringUtils.hasText(account.totpSecret()) ? account.totpSecret().replace(" ", "") : Totp.newSecret();
        String agency = StringUtils.hasText(account.agency()) ? account.agency() : "UBND-20";
        var id = accounts.create(account.username(), StringUtils.hasText(account.fullName()) ? account.fullName() : defaultName,
                null, hash, login.sealTotpSecret(account.username(), secret), "system", agency, false);
        accounts.grant(id, new Position(role, agency, null), "system");
        log.info("Bootstrap account {} created with role {}", account.username(), role);
    }
}
