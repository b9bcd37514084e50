package vn.gov.egov.identity;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;

/**
 * The province administrator registers the applications (to log people in) and agency systems (to call the LGSP)
 * that may use the province's single sign-on. A confidential client's secret is shown once and stored hashed.
 */
@Service
class RegisteringClients {

    record ClientRequest(String name, List<String> grantTypes, List<String> redirectUris, List<String> scopes,
                         Boolean publicClient) {
    }

    record RegisteredApplication(String clientId, String clientSecret, String name, List<String> grantTypes,
                                 List<String> redirectUris, List<String> scopes, boolean publicClient) {
    }

    record FieldError(String field, String rule, String message) {
    }

    private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");
    private static final Set<String> STANDARD_SCOPES = Set.of("openid", "profile", "email", "phone", "address");

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final Set<String> platformScopes;
    private final Duration accessTokenTimeToLive;
    private final Duration refreshTokenTimeToLive;
    private final SecureRandom random = new SecureRandom();
    private final AuditTrail audit;
    private final ActiveTokenCache activeTokens;

    RegisteringClients(RegisteredClientRepository clients, PasswordEncoder passwords, JdbcClient jdbc,
                       @Value("${egov.identity.scopes}") List<String> platformScopes,
                       @Value("${egov.identity.access-token-time-to-live:PT10M}") Duration accessTokenTimeToLive,
                       @Value("${egov.identity.refresh-token-time-to-live:PT8H}") Duration refreshTokenTimeToLive,
                       AuditTrail audit, ActiveTokenCache activeTokens) {
        this.audit = audit;
        this.activeTokens = activeTokens;
        this.clients = clients;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.platformScopes = Set.copyOf(platformScopes);
        this.accessTokenTimeToLive = accessTokenTimeToLive;
        this.refreshTokenTimeToLive = refreshTokenTimeToLive;
    }

    Set<String> allowedScopes() {
        Set<String> all = new java.util.TreeSet<>(STANDARD_SCOPES);
        all.addAll(platformScopes);
        return all;
    }

    RegisteredApplication register(ClientRequest request) {
        List<FieldError> errors = validate(request);
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Đăng ký ứng dụng bị từ chối: " + errors.size() + " lỗi");
            problem.setTitle("Thông tin ứng dụng không hợp lệ");
            problem.setProperty("errors", errors);
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
        }
        boolean publicClient = Boolean.TRUE.equals(request.publicClient());
        String clientId = slug(request.name()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = publicClient ? null : secret();
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(request.name().strip())
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(request.grantTypes().contains("authorization_code"))
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(accessTokenTimeToLive)
                        .refreshTokenTimeToLive(refreshTokenTimeToLive)
                        .reuseRefreshTokens(false)
                        .build());
        if (publicClient) {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            client.clientSecret(passwords.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        request.grantTypes().forEach(g -> client.authorizationGrantType(new AuthorizationGrantType(g)));
        nullToEmpty(request.redirectUris()).forEach(client::redirectUri);
        request.scopes().forEach(client::scope);
        clients.save(client.build());
        audit.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("oauth-client", clientId)
                .detail("name", request.name().strip()).detail("grantTypes", request.grantTypes()).detail("scopes", request.scopes())
                .fromCurrentRequest().build());
        return new RegisteredApplication(clientId, secret, request.name().strip(), request.grantTypes(),
                nullToEmpty(request.redirectUris()), request.scopes(), publicClient);
    }

    List<RegisteredApplication> list() {
        return jdbc.sql("SELECT client_id FROM oauth2_registered_client ORDER BY client_name").query(String.class).list().stream()
                .map(clients::findByClientId)
                .map(c -> new RegisteredApplication(c.getClientId(), null, c.getClientName(),
                        c.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
                        List.copyOf(c.getRedirectUris()), List.copyOf(c.getScopes()),
                        c.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)))
                .toList();
    }

    boolean remove(String clientId) {
        var client = clients.findByClientId(clientId);
        if (client == null) {
            return false;
        }
        jdbc.sql("DELETE FROM oauth2_authorization WHERE registered_client_id = ?").param(client.getId()).update();
        jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?").param(client.getId()).update();
        activeTokens.forgetAll();
        boolean removed = jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = ?").param(client.getId()).update() == 1;
        if (removed) {
            audit.record(AuditRecord.builder(AuditActions.DELETE, Outcome.SUCCESS).object("oauth-client", clientId)
                    .detail("name", client.getClientName()).fromCurrentRequest().build());
        }
        return removed;
    }

    private List<FieldError> validate(ClientRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add(new FieldError("name", "required", "Cần tên ứng dụng (tối đa 200 ký tự)"));
        }
        List<String> grants = nullToEmpty(request.grantTypes());
        if (grants.isEmpty()) {
            errors.add(new FieldError("grantTypes", "required", "Cần ít nhất một kiểu cấp quyền: " + GRANT_TYPES));
        }
        grants.stream().filter(g -> !GRANT_TYPES.contains(g)).forEach(g ->
                errors.add(new FieldError("grantTypes", "enum", "Kiểu cấp quyền '%s' không được hỗ trợ; chỉ %s".formatted(g, GRANT_TYPES))));
        boolean publicClient = Boolean.TRUE.equals(request.publicClient());
        if (publicClient && grants.contains("client_credentials")) {
            errors.add(new FieldError("publicClient", "public-client", "Ứng dụng công khai (không có mật khẩu) không dùng được client_credentials"));
        }
        if (grants.contains("refresh_token") && !grants.contains("authorization_code")) {
            errors.add(new FieldError("grantTypes", "refresh-token", "refresh_token chỉ dùng cùng authorization_code"));
        }
        List<String> redirects = nullToEmpty(request.redirectUris());
        if (grants.contains("authorization_code") && redirects.isEmpty()) {
            errors.add(new FieldError("redirectUris", "required", "authorization_code cần ít nhất một địa chỉ chuyển hướng (redirect URI)"));
        }
        for (String redirect : redirects) {
            if (!validRedirect(redirect)) {
                errors.add(new FieldError("redirectUris", "redirect-uri",
                        "Địa chỉ chuyển hướng '%s' phải là URL https đầy đủ (hoặc http://localhost khi phát triển), không có fragment".formatted(redirect)));
            }
        }
        List<String> scopes = nullToEmpty(request.scopes());
        if (scopes.isEmpty()) {
            errors.add(new FieldError("scopes", "required", "Cần ít nhất một phạm vi (scope)"));
        }
        Set<String> allowed = allowedScopes();
        scopes.stream().filter(s -> !allowed.contains(s)).forEach(s ->
                errors.add(new FieldError("scopes", "enum", "Phạm vi '%s' không có; các phạm vi: %s".formatted(s, allowed))));
        if (scopes.contains("openid") && !grants.contains("authorization_code")) {
            errors.add(new FieldError("scopes", "openid", "Phạm vi openid chỉ dùng với authorization_code (đăng nhập người dùng)"));
        }
        return errors;
    }

    private static boolean validRedirect(String redirect) {
        try {
            URI uri = URI.create(redirect);
            if (uri.getFragment() != null || uri.getHost() == null) {
                return false;
            }
            return "https".equals(uri.getScheme())
                    || ("http".equals(uri.getScheme()) && Set.of("localhost", "127.0.0.1").contains(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String slug(String name) {
        String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return folded.isEmpty() ? "app" : folded.substring(0, Math.min(40, folded.length()));
    }

    private static List<String> nullToEmpty(List<String> values) {
        return values == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(values));
    }
}
