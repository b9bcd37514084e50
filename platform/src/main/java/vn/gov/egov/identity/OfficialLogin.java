package vn.gov.egov.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * An official logs in with a password, then with a one-time code from an authenticator app. The password alone
 * never gives access: it only opens the second step. Five failures (either step) lock the account for 15 minutes;
 * the answer to a wrong attempt never says whether the account exists.
 */
@Component
class OfficialLogin implements AuthenticationProvider {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    static final Duration SECOND_STEP_WITHIN = Duration.ofMinutes(5);
    static final String PENDING = "egov.login.pendingSecondFactor";
    static final String AUTHENTICATED_AT = "egov.login.authenticatedAt";
    static final String SECOND_FACTOR = "FACTOR_TOTP";
    private static final String GENERIC_REFUSAL = "Tên đăng nhập hoặc mật khẩu không đúng";

    /** The password was right; the second factor is still owed. Grants nothing. */
    static final class PasswordVerified extends AbstractAuthenticationToken {
        private final String username;

        PasswordVerified(String username) {
            super(List.of());
            this.username = username;
            setAuthenticated(false);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return username;
        }
    }

    record Pending(String username, Instant since) implements java.io.Serializable {
    }

    private final OfficialAccounts accounts;
    private final LoginHistory history;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;
    private final KeySealing sealing;
    private final Clock clock = Clock.systemUTC();
    /** Compared against when the account does not exist, so that both answers take the same time. */
    private final String unknownUserHash;

    OfficialLogin(OfficialAccounts accounts, LoginHistory history, LoginThrottle throttle, PasswordEncoder passwords,
                  KeySealing sealing) {
        this.accounts = accounts;
        this.history = history;
        this.throttle = throttle;
        this.passwords = passwords;
        this.sealing = sealing;
        this.unknownUserHash = passwords.encode(java.util.UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = OfficialAccounts.normalize(attempt.getName());
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        Instant now = clock.instant();
        if (!throttle.allow(clientIp(), now)) {
            history.record(username, LoginHistory.Kind.THROTTLED, clientIp(), userAgent());
            throw new BadCredentialsException("Quá nhiều lần đăng nhập từ địa chỉ này; vui lòng thử lại sau ít phút");
        }
        Optional<OfficialAccounts.Account> found = accounts.byUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password, unknownUserHash);
            throw new BadCredentialsException(GENERIC_REFUSAL);
        }
        OfficialAccounts.Account account = found.get();
        if (account.lockedAt(now) || !account.active()) {
            passwords.matches(password, unknownUserHash);
            history.record(username, LoginHistory.Kind.LOCKED_OUT, clientIp(), userAgent());
            throw new BadCredentialsException(GENERIC_REFUSAL);
        }
        if (!passwords.matches(password, account.passwordHash())) {
            fail(username, LoginHistory.Kind.PASSWORD_REJECTED, now);
            throw new BadCredentialsException(GENERIC_REFUSAL);
        }
        history.record(username, LoginHistory.Kind.PASSWORD_ACCEPTED, clientIp(), userAgent());
        return new PasswordVerified(username);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The second step: the code from the authenticator; gives the full login with the official's positions. */
    Optional<Authentication> completeSecondFactor(Pending pending, String code) {
        Instant now = clock.instant();
        OfficialAccounts.Account account = accounts.byUsername(pending.username()).orElse(null);
        if (account == null || account.lockedAt(now) || !account.active() || pending.since().plus(SECOND_STEP_WITHIN).isBefore(now)) {
            return Optional.empty();
        }
        String secret = totpSecret(account);
        OptionalLong step = Totp.verify(secret, code, now);
        if (step.isEmpty() || !accounts.useTotpStep(account.username(), step.getAsLong())) {
            fail(account.username(), LoginHistory.Kind.SECOND_FACTOR_REJECTED, now);
            return Optional.empty();
        }
        accounts.recordSuccess(account.username(), now);
        history.record(account.username(), LoginHistory.Kind.LOGIN_SUCCEEDED, clientIp(), userAgent());
        List<GrantedAuthority> authorities = new ArrayList<>();
        accounts.positions(account.id()).stream().map(p -> p.role().authority()).distinct()
                .forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
        // both factors, with when they were given (the tokens' auth_time comes from them)
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(pending.since()).build());
        authorities.add(FactorGrantedAuthority.withAuthority(SECOND_FACTOR).issuedAt(now).build());
        User principal = new User(account.username(), "", authorities);
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }

    /**
     * Before a sensitive action: the logged-in official gives their password and a one-time code again. Failures
     * count towards the lock-out like a login's.
     */
    boolean confirm(String username, String password, String code) {
        Instant now = clock.instant();
        OfficialAccounts.Account account = accounts.byUsername(username).orElse(null);
        if (account == null || account.lockedAt(now) || !account.active()) {
            return false;
        }
        if (password == null || !passwords.matches(password, account.passwordHash())) {
            fail(account.username(), LoginHistory.Kind.PASSWORD_REJECTED, now);
            return false;
        }
        OptionalLong step = Totp.verify(totpSecret(account), code, now);
        if (step.isEmpty() || !accounts.useTotpStep(account.username(), step.getAsLong())) {
            fail(account.username(), LoginHistory.Kind.SECOND_FACTOR_REJECTED, now);
            return false;
        }
        history.record(account.username(), LoginHistory.Kind.IDENTITY_CONFIRMED, clientIp(), userAgent());
        return true;
    }

    String totpSecret(OfficialAccounts.Account account) {
        return new String(sealing.open(account.totpSecretSealed(), "identity.totp:" + account.username()),
                java.nio.charset.StandardCharsets.US_ASCII);
    }

    String sealTotpSecret(String username, String secret) {
        return sealing.seal(secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "identity.totp:" + OfficialAccounts.normalize(username));
    }

    static Optional<Pending> pending(HttpSession session) {
        return session == null ? Optional.empty() : Optional.ofNullable((Pending) session.getAttribute(PENDING));
    }

    private void fail(String username, LoginHistory.Kind kind, Instant now) {
        int failures = accounts.recordFailure(username, MAX_FAILURES, LOCK_FOR, now);
        history.record(username, failures >= MAX_FAILURES ? LoginHistory.Kind.LOCKED_OUT : kind, clientIp(), userAgent());
    }

    private static Optional<HttpServletRequest> request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }

    static String clientIp() {
        return request().map(HttpServletRequest::getRemoteAddr).orElse(null);
    }

    static String userAgent() {
        return request().map(r -> r.getHeader("User-Agent")).orElse(null);
    }
}
