package vn.gov.egov.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The province's token signing keys, kept in the database (private parts sealed). The newest key signs; earlier
 * keys stay in the published JWK set until {@code retire_after}, so that a rotation never invalidates a token
 * still in use and nobody is logged out. Every node re-reads the keys at most {@link #RELOAD} after a change.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

    static final Duration RELOAD = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String PURPOSE = "identity.signing-key";

    private record Loaded(RSAKey active, List<JWK> published, Instant at) {
    }

    private final JdbcClient jdbc;
    private final KeySealing sealing;
    private final TransactionTemplate transactions;
    private final Duration keepPublished;
    private final Duration lifetime;
    private final Clock clock = Clock.systemUTC();
    private volatile Loaded loaded;

    SigningKeys(JdbcClient jdbc, KeySealing sealing, TransactionTemplate transactions,
                @Value("${egov.identity.retired-key-published-for:P2D}") Duration keepPublished,
                @Value("${egov.identity.signing-key-lifetime:P90D}") Duration lifetime) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.transactions = transactions;
        this.keepPublished = keepPublished;
        this.lifetime = lifetime;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(current().published()));
    }

    /** Only the active key, for signing. */
    JWKSource<SecurityContext> signing() {
        return (selector, context) -> selector.select(new JWKSet(current().active()));
    }

    String activeKeyId() {
        return current().active().getKeyID();
    }

    List<String> publishedKeyIds() {
        return current().published().stream().map(JWK::getKeyID).toList();
    }

    /** Rotates the key on its own once the active one is older than {@code egov.identity.signing-key-lifetime}. */
    @org.springframework.scheduling.annotation.Scheduled(cron = "${egov.identity.signing-key-check:0 15 3 * * *}", zone = "Asia/Ho_Chi_Minh")
    void rotateWhenOld() {
        Instant activatedAt = jdbc.sql("SELECT max(activated_at) FROM identity_signing_key WHERE retire_after IS NULL")
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        if (activatedAt != null && activatedAt.plus(lifetime).isBefore(clock.instant())) {
            rotate();
        }
    }

    /** Makes a new active key; the previous ones stay published for a while. Returns the new key id. */
    String rotate() {
        String kid = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identity_signing_key'))").query().singleRow();
            Instant now = clock.instant();
            jdbc.sql("UPDATE identity_signing_key SET retire_after = ? WHERE retire_after IS NULL")
                    .param(Timestamp.from(now.plus(keepPublished))).update();
            return insertNewKey(now);
        });
        loaded = null;
        log.info("Token signing key rotated; new key {}", kid);
        return kid;
    }

    private Loaded current() {
        Loaded snapshot = loaded;
        if (snapshot == null || snapshot.at().plus(RELOAD).isBefore(clock.instant())) {
            snapshot = load();
            loaded = snapshot;
        }
        return snapshot;
    }

    private Loaded load() {
        Instant now = clock.instant();
        List<RSAKey> keys = keys(now);
        if (keys.isEmpty()) {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identity_signing_key'))").query().singleRow();
                if (keys(now).isEmpty()) {
                    insertNewKey(now);
                }
            });
            keys = keys(now);
        }
        return new Loaded(keys.get(0), List.copyOf(keys), now);
    }

    /** Published keys, the active (newest, not retiring) first. */
    private List<RSAKey> keys(Instant now) {
        return jdbc.sql("""
                SELECT kid, public_jwk, private_key_sealed FROM identity_signing_key
                WHERE retire_after IS NULL OR retire_after > ? ORDER BY (retire_after IS NULL) DESC, activated_at DESC
                """).param(Timestamp.from(now))
                .query((rs, n) -> withPrivate(rs.getString("public_jwk"), rs.getString("private_key_sealed"))).list();
    }

    private String insertNewKey(Instant now) {
        KeyPair pair = generate();
        String kid = "egov-" + now.toString().substring(0, 10) + "-" + UUID.randomUUID().toString().substring(0, 8);
        RSAKey publicKey = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build();
        jdbc.sql("INSERT INTO identity_signing_key (kid, algorithm, public_jwk, private_key_sealed, created_at, activated_at) VALUES (?, 'RS256', ?, ?, ?, ?)")
                .params(kid, publicKey.toJSONString(), sealing.seal(pair.getPrivate().getEncoded(), PURPOSE + ":" + kid),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        return kid;
    }

    private RSAKey withPrivate(String publicJwk, String sealedPrivate) {
        try {
            RSAKey publicKey = RSAKey.parse(publicJwk);
            byte[] pkcs8 = sealing.open(sealedPrivate, PURPOSE + ":" + publicKey.getKeyID());
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        } catch (ParseException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
