package vn.gov.egov.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The production keys: PKCS#12 files and PKCS#11 tokens from configuration, opened once at start-up. */
final class KeystoreKeys {

    static final String EVERY_AGENCY = "*";

    /** A configured key and the agencies that sign with it. */
    record Configured(List<String> agencies, AgencyKey key) {
    }

    private final Map<String, AgencyKey> byAgency = new LinkedHashMap<>();
    private final List<Configured> configured = new ArrayList<>();

    KeystoreKeys(List<SigningProperties.Keystore> keystores) {
        for (int i = 0; i < keystores.size(); i++) {
            SigningProperties.Keystore keystore = keystores.get(i);
            String where = "egov.signing.keystores[" + i + "]";
            if (keystore.agencies().isEmpty()) {
                throw new IllegalStateException(where + ".agencies: name the agency codes that sign with this key, or *");
            }
            AgencyKey key = open(keystore, where);
            configured.add(new Configured(keystore.agencies(), key));
            for (String agency : keystore.agencies()) {
                if (byAgency.putIfAbsent(agency.strip(), key) != null) {
                    throw new IllegalStateException(where + ".agencies: " + agency + " already has a key");
                }
            }
        }
    }

    /** The agency's own key, else the province-wide one ("*"), else null. */
    AgencyKey keyOf(String agencyCode) {
        AgencyKey own = byAgency.get(agencyCode);
        return own != null ? own : byAgency.get(EVERY_AGENCY);
    }

    List<Configured> configured() {
        return Collections.unmodifiableList(configured);
    }

    private static AgencyKey open(SigningProperties.Keystore keystore, String where) {
        if (keystore.path() == null || keystore.path().isBlank()) {
            throw new IllegalStateException(where + ".path: the PKCS#12 file or the PKCS#11 configuration file is required");
        }
        char[] password = keystore.password() == null ? new char[0] : keystore.password().toCharArray();
        String type = keystore.type() == null ? "PKCS12" : keystore.type().strip().toUpperCase(java.util.Locale.ROOT);
        try {
            KeyStore store;
            if ("PKCS11".equals(type)) {
                Provider provider = Security.getProvider("SunPKCS11").configure(keystore.path());
                Security.addProvider(provider);
                store = KeyStore.getInstance("PKCS11", provider);
                store.load(null, password);
            } else if ("PKCS12".equals(type)) {
                store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(Path.of(keystore.path()))) {
                    store.load(in, password);
                }
            } else {
                throw new IllegalStateException(where + ".type: PKCS12 or PKCS11, not " + keystore.type());
            }
            String alias = keystore.alias() == null || keystore.alias().isBlank() ? firstKey(store, where) : keystore.alias();
            if (!store.isKeyEntry(alias)) {
                throw new IllegalStateException(where + ".alias: no key named " + alias + " in " + keystore.path());
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                throw new IllegalStateException(where + ": the key " + alias + " has no certificate");
            }
            return new AgencyKey(type, Arrays.stream(chain).map(X509Certificate.class::cast).toList(), key, null, null);
        } catch (IOException | GeneralSecurityException e) {
            // the message names the file, never the password
            throw new IllegalStateException(where + ": cannot open " + keystore.path() + " (" + e.getClass().getSimpleName()
                    + "): wrong password or PIN, or not a " + type + " store", e);
        }
    }

    private static String firstKey(KeyStore store, String where) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new IllegalStateException(where + ": the store holds no private key");
    }
}
