package vn.gov.egov.identity;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.gov.egov.PlatformTest;

/** Creates officials for tests (once per database) and tells the test base how to log in as them. */
@Component
public class TestOfficials {

    private final OfficialAccounts accounts;
    private final OfficialLogin login;
    private final PasswordEncoder passwords;

    TestOfficials(OfficialAccounts accounts, OfficialLogin login, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.login = login;
        this.passwords = passwords;
    }

    public PlatformTest.TestOfficial ensure(String username, String password, String fullName, Position position) {
        String secret = Totp.newSecret();
        if (accounts.byUsername(username).isEmpty()) {
            var id = accounts.create(username, fullName, null, passwords.encode(password), login.sealTotpSecret(username, secret), "test");
            accounts.grant(id, position, "test");
        } else {
            secret = login.totpSecret(accounts.byUsername(username).orElseThrow());
        }
        return new PlatformTest.TestOfficial(username, password, secret);
    }
}
