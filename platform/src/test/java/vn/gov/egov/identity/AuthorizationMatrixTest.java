package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import vn.gov.egov.PlatformTest;

/**
 * Every caller against every protected API endpoint: anonymous, an agency system (client credentials), a citizen
 * (through VNeID), and an official holding each role. Allowed callers get past authorization (any answer but 401
 * and 403); the others get 401 (anonymous) or 403. Later modules add their endpoints to {@link #ENDPOINTS}.
 */
class AuthorizationMatrixTest extends PlatformTest {

    /** Callers that are not officials' roles. */
    enum Caller { ANONYMOUS, AGENCY_SYSTEM, CITIZEN }

    record Endpoint(String method, String path, String body, Set<Role> roles, boolean anyAuthenticated, boolean everyone,
                    boolean agencySystemWithScope, boolean citizens) {
        Endpoint(String method, String path, String body, Set<Role> roles, boolean anyAuthenticated, boolean everyone,
                 boolean agencySystemWithScope) {
            this(method, path, body, roles, anyAuthenticated, everyone, agencySystemWithScope, false);
        }

        /** A citizen's own things: citizens' tokens only. */
        static Endpoint citizensOnly(String method, String path) {
            return new Endpoint(method, path, null, Set.of(), false, false, false, true);
        }

        static Endpoint publicRead(String path) {
            return new Endpoint("GET", path, null, Set.of(), true, true, true);
        }

        static Endpoint authenticated(String method, String path) {
            return new Endpoint(method, path, null, Set.of(), true, false, true);
        }

        static Endpoint only(String method, String path, String body, Role... roles) {
            return new Endpoint(method, path, body, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), false, false, false);
        }

        /** Also an agency system whose token carries the endpoint's scope. */
        Endpoint orScope() {
            return new Endpoint(method, path, body, roles, anyAuthenticated, everyone, true, citizens);
        }
    }

    /** The roles that work on processing steps. */
    private static final Role[] PROCESSING = {Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.DIVISION_HEAD, Role.AGENCY_LEADER, Role.CLERK};

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.publicRead("/api/v1/catalogs"),
            Endpoint.publicRead("/api/v1/catalogs/admin-units/entries?size=1"),
            Endpoint.publicRead("/api/v1/catalogs/agencies/entries/SO-TP/lineage?asOf=2024-01-01"),
            Endpoint.publicRead("/api/v1/calendar/holidays?year=2026"),
            Endpoint.publicRead("/api/v1/procedures?size=1"),
            Endpoint.publicRead("/api/v1/calendar/add-working-days?from=2026-02-13&days=3"),
            Endpoint.publicRead("/api/v1/procedures/1.000001/form"),
            new Endpoint("POST", "/api/v1/procedures/1.000001/form/validate", "{}", Set.of(), true, true, true),
            Endpoint.publicRead("/api/v1/procedures/1.000001/form/versions"),
            Endpoint.only("POST", "/api/v1/procedures/1.000001/form/versions", "{}", Role.PROVINCE_ADMIN),
            Endpoint.authenticated("GET", "/api/v1/me"),
            Endpoint.citizensOnly("GET", "/api/v1/my/documents"),
            Endpoint.publicRead("/api/v1/dossiers/000.00.10.H20-261127-9999/status"),
            Endpoint.publicRead("/api/v1/statistics/dossiers?from=2026-01-01&to=2026-01-31&groupBy=agency"),
            new Endpoint("POST", "/api/v1/dossiers", "{}", Set.of(), false, false, false, true),
            Endpoint.citizensOnly("GET", "/api/v1/my/dossiers"),
            Endpoint.citizensOnly("GET", "/api/v1/my/dossiers/000.00.10.H20-261127-9999"),
            new Endpoint("POST", "/api/v1/my/dossiers/000.00.10.H20-261127-9999/withdrawal", "{}", Set.of(), false, false, false, true),
            Endpoint.only("GET", "/api/v1/reception/queue", null, Role.ONE_STOP_OFFICER),
            Endpoint.only("GET", "/api/v1/reception/dossiers/000.00.10.H20-261127-9999", null, Role.ONE_STOP_OFFICER),
            Endpoint.only("POST", "/api/v1/reception/dossiers/000.00.10.H20-261127-9999/acceptance", "{}", Role.ONE_STOP_OFFICER),
            Endpoint.only("POST", "/api/v1/reception/dossiers", "{}", Role.ONE_STOP_OFFICER),
            // payments: any caller may ask; only the owner citizen and the receiving agency's desk see a dossier (404 otherwise)
            Endpoint.authenticated("GET", "/api/v1/dossiers/000.00.10.H20-261127-9999/payments"),
            new Endpoint("POST", "/api/v1/dossiers/000.00.10.H20-261127-9999/payments", "{}", Set.of(), true, false, true),
            Endpoint.authenticated("GET", "/api/v1/dossiers/000.00.10.H20-261127-9999/payments/receipt"),
            // PayGov's notification carries no token: its HMAC signature is checked instead (400 here)
            new Endpoint("POST", "/api/v1/paygov/notifications", "{}", Set.of(), true, true, true),
            Endpoint.only("GET", "/api/v1/reception/results", null, Role.ONE_STOP_OFFICER),
            Endpoint.only("POST", "/api/v1/reception/dossiers/000.00.10.H20-261127-9999/result-return", "{}", Role.ONE_STOP_OFFICER),
            Endpoint.only("POST", "/api/v1/catalogs", "{}", Role.PROVINCE_ADMIN).orScope(),
            Endpoint.only("PUT", "/api/v1/catalogs/religions/entries/99", "{}", Role.PROVINCE_ADMIN).orScope(),
            Endpoint.only("POST", "/api/v1/catalogs/religions/entries/99/retire", "{}", Role.PROVINCE_ADMIN).orScope(),
            Endpoint.only("POST", "/api/v1/catalogs/religions/import?dryRun=true", "[]", Role.PROVINCE_ADMIN).orScope(),
            Endpoint.only("POST", "/api/v1/procedures/sync", null, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/calendar/announcements?year=2026", null, Role.PROVINCE_ADMIN),
            Endpoint.only("POST", "/api/v1/calendar/announcements", "{}", Role.PROVINCE_ADMIN),
            Endpoint.only("DELETE", "/api/v1/calendar/announcements/2099-01-05", null, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/identity/clients", null, Role.PROVINCE_ADMIN),
            Endpoint.only("POST", "/api/v1/identity/clients", "{}", Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/identity/signing-keys", null, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/signing/certificates", null, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/identity/officials", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/identity/officials/khong-co-ai", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/identity/officials", "{}", Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/identity/officials/khong-co-ai/unlock", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/audit/verify", null, Role.AUDITOR),
            Endpoint.only("GET", "/api/v1/audit/entries?size=1", null, Role.AUDITOR),
            Endpoint.only("GET", "/api/v1/audit/export?afterSequence=999999999", null, Role.AUDITOR),
            Endpoint.only("GET", "/api/v1/processing/tasks?scope=mine", null, PROCESSING),
            Endpoint.only("GET", "/api/v1/processing/tasks?scope=unit", null, PROCESSING),
            Endpoint.only("GET", "/api/v1/processing/alerts", null, PROCESSING),
            Endpoint.only("POST", "/api/v1/processing/tasks/00000000-0000-0000-0000-000000000001/claim", null, PROCESSING),
            Endpoint.only("POST", "/api/v1/processing/tasks/00000000-0000-0000-0000-000000000001/assignment", "{}", PROCESSING),
            Endpoint.only("POST", "/api/v1/processing/tasks/00000000-0000-0000-0000-000000000001/decision", "{}", PROCESSING),
            Endpoint.only("GET", "/api/v1/processing/dossiers/000.00.10.H20-261127-9999", null, PROCESSING),
            Endpoint.only("GET", "/api/v1/processing/dossiers/000.00.10.H20-261127-9999/control-sheet", null, PROCESSING),
            Endpoint.only("POST", "/api/v1/processing/dossiers/000.00.10.H20-261127-9999/comments", "{}", PROCESSING),
            Endpoint.only("POST", "/api/v1/processing/dossiers/000.00.10.H20-261127-9999/papers", "{}", PROCESSING),
            Endpoint.only("POST", "/api/v1/processing/dossiers/000.00.10.H20-261127-9999/reschedule", "{}", PROCESSING),
            // procedure routes: the province administrator, and agency administrators for their agencies' procedures
            Endpoint.only("GET", "/api/v1/routes", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/routes/00000000-0000-0000-0000-000000000000", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/routes/templates?procedureCode=1.000001", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/routes/preview", "{}", Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/routes", "{}", Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/routes/upload?procedureCode=1.000001", "{}", Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/routes/versions/00000000-0000-0000-0000-000000000000", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/routes/versions/00000000-0000-0000-0000-000000000000/bpmn", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/routes/versions/00000000-0000-0000-0000-000000000000/timeline", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/routes/versions/00000000-0000-0000-0000-000000000000/publish", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/routes/versions/00000000-0000-0000-0000-000000000000/retire", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/routes/decisions", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/routes/decisions/khong-co", null, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/routes/decisions/khong-co/evaluate", "{}", Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/routes/decisions", null, Role.PROVINCE_ADMIN),
            // LGSP message log and monitoring
            Endpoint.only("GET", "/api/v1/lgsp/message-log/records?size=1", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN, Role.AUDITOR),
            Endpoint.only("GET", "/api/v1/lgsp/message-log/records/khong-co/1", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN, Role.AUDITOR),
            Endpoint.only("GET", "/api/v1/lgsp/message-log/records/khong-co/1/bodies", null, Role.AUDITOR),
            Endpoint.only("GET", "/api/v1/lgsp/message-log/verify?from=2026-11-27", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN, Role.AUDITOR),
            Endpoint.only("GET", "/api/v1/lgsp/monitoring/services", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/lgsp/monitoring/consumers", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/lgsp/monitoring/subscriptions", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/lgsp/monitoring/alerts", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN),
            // LGSP registry: the public catalog; operators manage, the province administrator reads, agency
            // administrators see and act on what concerns their agency
            Endpoint.publicRead("/api/v1/lgsp/services?q=cong%20dan"),
            Endpoint.publicRead("/api/v1/lgsp/services/00000000-0000-0000-0000-000000000000"),
            Endpoint.publicRead("/api/v1/lgsp/services/00000000-0000-0000-0000-000000000000/description"),
            Endpoint.only("GET", "/api/v1/lgsp/registry/members", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/lgsp/registry/services", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/lgsp/registry/services/00000000-0000-0000-0000-000000000000/history", null,
                    Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/lgsp/registry/subsystems", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/lgsp/registry/access-requests", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("GET", "/api/v1/lgsp/registry/rights", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/lgsp/registry/members", "{}", Role.LGSP_OPERATOR),
            Endpoint.only("POST", "/api/v1/lgsp/registry/services", "{}", Role.LGSP_OPERATOR),
            Endpoint.only("POST", "/api/v1/lgsp/registry/services/00000000-0000-0000-0000-000000000000/state", "{}", Role.LGSP_OPERATOR),
            Endpoint.only("POST", "/api/v1/lgsp/registry/rights", "{}", Role.LGSP_OPERATOR),
            // LGSP mutual TLS: a system's client certificates (the module answers 404 for an unknown system or
            // certificate before it checks whether the caller acts for the system's member)
            Endpoint.only("GET", "/api/v1/lgsp/registry/subsystems/00000000-0000-0000-0000-000000000000/certificates", null,
                    Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/lgsp/registry/subsystems/00000000-0000-0000-0000-000000000000/certificates", "{}",
                    Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/lgsp/registry/certificates/00000000-0000-0000-0000-000000000000/removal", "{}",
                    Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN, Role.AGENCY_ADMIN),
            // LGSP pub/sub: event types are public; systems publish, subscribe and pull with their tokens (the module
            // answers 404 for the unknown type or subscription before it checks which system calls); operators decide
            Endpoint.publicRead("/api/v1/lgsp/pubsub/event-types"),
            Endpoint.publicRead("/api/v1/lgsp/pubsub/event-types/SO-KHCN/DANH-MUC/danh-muc-thay-doi/v1"),
            Endpoint.authenticated("POST", "/api/v1/lgsp/pubsub/events/SO-X/HT/khong-co/v1"),
            Endpoint.authenticated("POST", "/api/v1/lgsp/pubsub/events/SO-X/HT/khong-co/v1/batch"),
            Endpoint.authenticated("POST", "/api/v1/lgsp/pubsub/subscriptions"),
            Endpoint.authenticated("GET", "/api/v1/lgsp/pubsub/subscriptions/00000000-0000-0000-0000-000000000000/events"),
            Endpoint.authenticated("GET", "/api/v1/lgsp/pubsub/subscriptions/00000000-0000-0000-0000-000000000000"),
            Endpoint.authenticated("POST", "/api/v1/lgsp/pubsub/subscriptions/00000000-0000-0000-0000-000000000000/ack"),
            Endpoint.only("GET", "/api/v1/lgsp/pubsub/subscriptions", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN),
            Endpoint.only("GET", "/api/v1/lgsp/pubsub/dead-letters", null, Role.LGSP_OPERATOR, Role.PROVINCE_ADMIN),
            Endpoint.only("POST", "/api/v1/lgsp/pubsub/event-types", "{}", Role.LGSP_OPERATOR),
            Endpoint.only("POST", "/api/v1/lgsp/pubsub/event-types/00000000-0000-0000-0000-000000000000/state", "{}", Role.LGSP_OPERATOR),
            Endpoint.only("POST", "/api/v1/lgsp/pubsub/subscriptions/00000000-0000-0000-0000-000000000000/approve", null,
                    Role.LGSP_OPERATOR, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/lgsp/pubsub/subscriptions/00000000-0000-0000-0000-000000000000/refuse", "{}",
                    Role.LGSP_OPERATOR, Role.AGENCY_ADMIN),
            Endpoint.only("POST", "/api/v1/lgsp/pubsub/dead-letters/replay", "{}", Role.LGSP_OPERATOR));

    private static final String PASSWORD = "Ma-Tran#Kiem-Thu-2025";
    private static final Map<Role, String> OFFICIAL_OF_ROLE = new LinkedHashMap<>();

    @Autowired
    TestOfficials officials;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    RegisteredClientRepository clients;

    @BeforeEach
    void oneOfficialPerRole() {
        for (Role role : Role.values()) {
            String username = "matrix-" + role.name().toLowerCase().replace('_', '-');
            knowOfficial(officials.ensure(username, PASSWORD, "Ma trận " + role.vietnameseName(), new Position(role, "SO-TP", null)));
            OFFICIAL_OF_ROLE.put(role, username);
        }
    }

    @Test
    void everyCallerAgainstEveryProtectedEndpoint() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(Caller.ANONYMOUS.name(), null);
        tokens.put(Caller.AGENCY_SYSTEM.name(), agencySystemToken());
        tokens.put(Caller.CITIZEN.name(), citizenToken());
        for (Map.Entry<Role, String> official : OFFICIAL_OF_ROLE.entrySet()) {
            tokens.put(official.getKey().name(), accessToken(official.getValue()));
        }

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Map.Entry<String, String> caller : tokens.entrySet()) {
                int status = call(endpoint, caller.getValue());
                boolean anonymous = caller.getValue() == null;
                boolean allowed = endpoint.everyone()
                        || (!anonymous && endpoint.anyAuthenticated())
                        || endpoint.roles().stream().anyMatch(r -> r.name().equals(caller.getKey()))
                        || (endpoint.agencySystemWithScope() && caller.getKey().equals(Caller.AGENCY_SYSTEM.name()))
                        || (endpoint.citizens() && caller.getKey().equals(Caller.CITIZEN.name()));
                boolean right = allowed ? status != 401 && status != 403 : status == (anonymous ? 401 : 403);
                if (!right) {
                    wrong.add("%s %s as %s: %d (expected %s)".formatted(endpoint.method(), endpoint.path(), caller.getKey(), status,
                            allowed ? "allowed" : anonymous ? "401" : "403"));
                }
            }
        }
        assertThat(wrong).as("callers answered against the matrix").isEmpty();
        assertThat(tokens).hasSize(3 + Role.values().length);
    }

    private int call(Endpoint endpoint, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(endpoint.path()))
                .method(endpoint.method(), endpoint.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(endpoint.body()));
        if (endpoint.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String agencySystemToken() throws Exception {
        String id = "matrix-agency-system";
        if (clients.findByClientId(id) == null) {
            clients.save(RegisteredClient.withId(java.util.UUID.randomUUID().toString()).clientId(id)
                    .clientSecret(passwords.encode("matrix-secret"))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("lgsp.call").scope("catalogs.write")
                    .build());
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/oauth2/token")).header("Authorization", basic(id, "matrix-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=lgsp.call%20catalogs.write")).build(),
                HttpResponse.BodyHandlers.ofString());
        return accessTokenIn(token.body());
    }

    /** A citizen's token for an application of the province: the SSO sends them to VNeID, then back with a code. */
    private String citizenToken() throws Exception {
        return citizenToken(firstTestIdentity());
    }

    private String firstTestIdentity() throws Exception {
        String identities = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + "/vneid/test-identities")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = Pattern.compile("\"personalId\"\\s*:\\s*\"(\\d{12})\"").matcher(identities);
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private static HttpResponse<String> send(HttpClient browser, URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }
}
