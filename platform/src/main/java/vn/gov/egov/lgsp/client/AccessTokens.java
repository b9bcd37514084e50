package vn.gov.egov.lgsp.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's access token for the LGSP: asked from the SSO's token endpoint with client credentials and reused
 * until a minute before it expires (one request at a time renews it).
 */
class AccessTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private record Token(String value, Instant expiresAt) {
    }

    private final PlatformCredentials credentials;
    private final LocalAddresses addresses;
    private final HttpClient http;
    private final Clock clock;
    private volatile Token current;
    private volatile String lastRefusal = "";

    AccessTokens(PlatformCredentials credentials, LocalAddresses addresses, Clock clock) {
        this.credentials = credentials;
        this.addresses = addresses;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    String token() {
        Token token = current;
        if (token == null || clock.instant().isAfter(token.expiresAt().minus(RENEW_BEFORE))) {
            synchronized (this) {
                token = current;
                if (token == null || clock.instant().isAfter(token.expiresAt().minus(RENEW_BEFORE))) {
                    token = request();
                    current = token;
                }
            }
        }
        return token.value();
    }

    /** The gateway refused the token (revoked, or the SSO's keys changed): the next call asks for a new one. */
    void refused(String token) {
        Token known = current;
        if (known != null && known.value().equals(token)) {
            current = null;
        }
    }

    private Token request() {
        Token token = ask(credentials.credentials());
        if (token == null) {
            credentials.forget();
            token = ask(credentials.credentials());
        }
        if (token == null) {
            throw new IllegalStateException("The SSO refused the platform's client credentials (" + credentials.clientId() + "): " + lastRefusal);
        }
        return token;
    }

    private Token ask(PlatformCredentials.Credentials client) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(addresses.tokenEndpoint()))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 400) {
                lastRefusal = response.statusCode() + " " + JSON.readTree(response.body().isBlank() ? "{}" : response.body()).path("error").asText("");
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The SSO's token endpoint answered " + response.statusCode());
            }
            JsonNode body = JSON.readTree(response.body());
            long expiresIn = body.path("expires_in").asLong(300);
            return new Token(body.path("access_token").asText(), clock.instant().plusSeconds(expiresIn));
        } catch (IOException e) {
            throw new IllegalStateException("The SSO's token endpoint is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the SSO for a token", e);
        }
    }
}
