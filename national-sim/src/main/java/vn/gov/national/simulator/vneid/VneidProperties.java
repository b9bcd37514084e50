package vn.gov.national.simulator.vneid;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the simulated VNeID ({@code sim.vneid.*}).
 *
 * <p>Clients: {@code sim.vneid.clients[i].*}. When no client is configured the demo client {@code egov-platform} is
 * registered with its defaults. Each configured entry also starts from those defaults: a test that sets only
 * {@code sim.vneid.clients[0].redirect-uris} gets {@code egov-platform} with its secret and that redirect URI.
 */
@ConfigurationProperties("sim.vneid")
public class VneidProperties {

    /** Path under which the simulated VNeID serves; the issuer is {@code <base URL><path>}. Fixed. */
    public static final String PATH = "/vneid";

    public static final String DEMO_CLIENT_ID = "egov-platform";

    public static final String DEMO_CLIENT_SECRET = "egov-platform-secret";

    public static final List<String> DEMO_REDIRECT_URIS = List.of(
            "http://localhost:8080/login/oauth2/code/vneid",
            // a loopback IP literal: any port is accepted at request time (RFC 8252), handy for random-port tests
            "http://127.0.0.1:8080/login/oauth2/code/vneid");

    public static final List<String> DEMO_POST_LOGOUT_REDIRECT_URIS = List.of(
            "http://localhost:8080/", "http://127.0.0.1:8080/");

    /**
     * Fixed issuer identifier, e.g. {@code http://localhost:8090/vneid}; its path must be {@value #PATH}. When unset
     * the issuer is derived from each request ({@code <scheme>://<host>:<port>/vneid}), which suits random ports.
     */
    private String issuer;

    /** The one password that every test identity uses; the login page shows it. */
    private String password = "MoPhong@2025";

    /** Location of the JSON file with the FAKE test identities. */
    private String identities = "classpath:national-sim/vneid/test-identities.json";

    /**
     * Optional location of a JSON Web Key (an RSA private key, JWK JSON) used to sign tokens; when unset an RSA-2048
     * key is generated at every start.
     */
    private String signingKey;

    private List<Client> clients = new ArrayList<>();

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getIdentities() {
        return identities;
    }

    public void setIdentities(String identities) {
        this.identities = identities;
    }

    public String getSigningKey() {
        return signingKey;
    }

    public void setSigningKey(String signingKey) {
        this.signingKey = signingKey;
    }

    public List<Client> getClients() {
        return clients;
    }

    public void setClients(List<Client> clients) {
        this.clients = clients;
    }

    /** One relying party registered at the simulated VNeID. */
    public static class Client {

        /** Client id; default {@code egov-platform}. */
        private String clientId = DEMO_CLIENT_ID;

        /**
         * Client secret (plain text, or with a {@code {id}} password-encoder prefix). Default for {@code egov-platform}:
         * {@code egov-platform-secret}; other confidential clients must set one.
         */
        private String clientSecret;

        private String clientName;

        /** A public client (no secret, token endpoint auth method {@code none}); PKCE is then always required. */
        private boolean publicClient;

        /** Exact redirect URIs; for {@code egov-platform} the default is {@link #DEMO_REDIRECT_URIS}. */
        private List<String> redirectUris = new ArrayList<>();

        /** Allowed post-logout redirect URIs; default for {@code egov-platform}: {@link #DEMO_POST_LOGOUT_REDIRECT_URIS}. */
        private List<String> postLogoutRedirectUris = new ArrayList<>();

        /** Allowed scopes; default: all that the simulator supports. */
        private List<String> scopes = new ArrayList<>();

        /** Whether PKCE (S256) is required; public clients always require it. */
        private boolean requirePkce = true;

        /** Whether a consent page is shown; the simulator has none, so keep it false. */
        private boolean requireConsent;

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public String getClientName() {
            return clientName;
        }

        public void setClientName(String clientName) {
            this.clientName = clientName;
        }

        public boolean isPublicClient() {
            return publicClient;
        }

        public void setPublicClient(boolean publicClient) {
            this.publicClient = publicClient;
        }

        public List<String> getRedirectUris() {
            return redirectUris;
        }

        public void setRedirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
        }

        public List<String> getPostLogoutRedirectUris() {
            return postLogoutRedirectUris;
        }

        public void setPostLogoutRedirectUris(List<String> postLogoutRedirectUris) {
            this.postLogoutRedirectUris = postLogoutRedirectUris;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public boolean isRequirePkce() {
            return requirePkce;
        }

        public void setRequirePkce(boolean requirePkce) {
            this.requirePkce = requirePkce;
        }

        public boolean isRequireConsent() {
            return requireConsent;
        }

        public void setRequireConsent(boolean requireConsent) {
            this.requireConsent = requireConsent;
        }
    }
}
