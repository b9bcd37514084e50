package vn.gov.egov.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** Start-up checks of the keys: every problem at once, naming the property, never showing a key. */
class KeyRingTest {

    private final String key = TestKeys.randomKey();
    private final String otherKey = TestKeys.randomKey();
    private final String indexKey = TestKeys.randomKey();

    @Test
    void keysFromBothFormsMeetInOneRing() {
        KeyRing ring = KeyRing.from(new PersonalDataProperties(Map.of("k2025", key), "k2026:" + otherKey + " , ", "k2026",
                indexKey, false, new PersonalDataProperties.Rotation("-", 200)));

        assertThat(ring.ids()).containsExactlyInAnyOrder("k2025", "k2026");
        assertThat(ring.activeId()).isEqualTo("k2026");
        assertThat(ring.active().getEncoded()).isEqualTo(Base64.getDecoder().decode(otherKey));
        assertThat(ring.toString()).doesNotContain(key, otherKey, indexKey);
    }

    @Test
    void aKeyOfTheWrongLengthIsNamedByItsProperty() {
        String shortKey = TestKeys.randomKey(16);

        assertThatThrownBy(() -> KeyRing.from(TestKeys.properties(Map.of("k1", shortKey), "k1", indexKey)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("egov.personal-data.keys.k1: must be 32 bytes (AES-256) in Base64, but it decodes"
                        + " to 16 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void everyProblemIsReportedTogether() {
        String notBase64 = "this is not base64!";

        assertThatThrownBy(() -> KeyRing.from(TestKeys.properties(Map.of("k1", notBase64, "K 2", key), "k3", null)))
                .hasMessageContaining("egov.personal-data.keys.k1: not valid Base64")
                .hasMessageContaining("egov.personal-data.keys.K 2: a key id must be")
                .hasMessageContaining("egov.personal-data.active-key: 'k3' is not a configured key id (configured: none)")
                .hasMessageContaining("egov.personal-data.index-key: not set")
                .hasMessageNotContaining(notBase64)
                .hasMessageNotContaining(key);
    }

    @Test
    void theActiveKeyMustBeSetAndConfigured() {
        assertThatThrownBy(() -> KeyRing.from(TestKeys.properties(Map.of("k1", key), null, indexKey)))
                .hasMessageContaining("egov.personal-data.active-key: not set");
        assertThatThrownBy(() -> KeyRing.from(TestKeys.properties(Map.of("k1", key, "k2", otherKey), "k9", indexKey)))
                .hasMessageContaining("egov.personal-data.active-key: 'k9' is not a configured key id (configured: k1, k2)");
        assertThatThrownBy(() -> KeyRing.from(TestKeys.properties(Map.of("k1", key), otherKey, indexKey)))
                .as("a key pasted into active-key by mistake is not echoed")
                .hasMessageContaining("egov.personal-data.active-key: the value is not a configured key id")
                .hasMessageNotContaining(otherKey);
    }

    @Test
    void noKeyAtAll() {
        assertThatThrownBy(() -> KeyRing.from(TestKeys.properties(Map.of(), "k1", indexKey)))
                .hasMessageContaining("egov.personal-data.keys.<id>: no encryption key is configured");
    }

    @Test
    void theIndexKeyIsSeparateFromTheEncryptionKeys() {
        assertThatThrownBy(() -> KeyRing.from(TestKeys.properties(Map.of("k1", key), "k1", key)))
                .hasMessageContaining("egov.personal-data.index-key: must differ from every encryption key");
    }

    @Test
    void aKeyIdIsConfiguredOnce() {
        assertThatThrownBy(() -> KeyRing.from(new PersonalDataProperties(Map.of("k1", key), "k1:" + otherKey, "k1",
                indexKey, false, new PersonalDataProperties.Rotation("-", 200))))
                .hasMessageContaining("the key id 'k1' is configured twice");
        assertThatThrownBy(() -> KeyRing.from(new PersonalDataProperties(Map.of(), key, "k1", indexKey, false,
                new PersonalDataProperties.Rotation("-", 200))))
                .hasMessageContaining("egov.personal-data.key-list: entry 1 is not of the form <id>:<base64 key>")
                .hasMessageNotContaining(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application-demo.properties", "application-test.properties"})
    void theKeysWrittenInTheRepositoryAreKnownAsPublishedAndRefusedElsewhere(String file) throws IOException {
        Properties profile = PropertiesLoaderUtils.loadProperties(new ClassPathResource(file));
        Map<String, String> keys = new LinkedHashMap<>();
        profile.stringPropertyNames().stream().filter(name -> name.startsWith("egov.personal-data.keys."))
                .forEach(name -> keys.put(name.substring("egov.personal-data.keys.".length()), profile.getProperty(name)));
        String activeKey = profile.getProperty("egov.personal-data.active-key");
        String publishedIndexKey = profile.getProperty("egov.personal-data.index-key");

        assertThat(keys).isNotEmpty();
        assertThat(profile.getProperty("egov.personal-data.published-keys-allowed")).isEqualTo("true");
        for (String published : keys.values()) {
            assertThat(PublishedKeys.contains(Base64.getDecoder().decode(published))).isTrue();
        }
        assertThat(PublishedKeys.contains(Base64.getDecoder().decode(publishedIndexKey))).isTrue();
        assertThat(KeyRing.from(new PersonalDataProperties(keys, null, activeKey, publishedIndexKey, true,
                new PersonalDataProperties.Rotation("-", 200))).activeId()).isEqualTo(activeKey);
        assertThatThrownBy(() -> KeyRing.from(TestKeys.properties(keys, activeKey, publishedIndexKey)))
                .hasMessageContaining("egov.personal-data.keys." + activeKey + ": this key is published in the project's"
                        + " source code")
                .hasMessageContaining("egov.personal-data.index-key: this key is published");
    }

    @Test
    void productionTakesItsKeysFromTheEnvironment() throws IOException {
        Map<String, Object> environment = new HashMap<>();
        environment.put("EGOV_PERSONAL_DATA_ENCRYPTION_KEYS", "k2025:" + key + ",k2026:" + otherKey);
        environment.put("EGOV_PERSONAL_DATA_ACTIVE_KEY", "k2026");
        environment.put("EGOV_PERSONAL_DATA_INDEX_KEY", indexKey);

        PersonalDataProperties properties = bindProduction(environment);
        KeyRing ring = KeyRing.from(properties);

        assertThat(ring.ids()).containsExactly("k2025", "k2026");
        assertThat(ring.activeId()).isEqualTo("k2026");
        assertThat(properties.rotation().cron()).isEqualTo("-");
        assertThat(properties.toString()).doesNotContain(key, otherKey, indexKey);
    }

    @Test
    void productionRefusesToStartWithoutItsKeys() throws IOException {
        PersonalDataProperties properties = bindProduction(Map.of());

        assertThatThrownBy(() -> KeyRing.from(properties))
                .hasMessageContaining("egov.personal-data.key-list: the environment variable EGOV_PERSONAL_DATA_ENCRYPTION_KEYS is"
                        + " not set")
                .hasMessageContaining("egov.personal-data.active-key: the environment variable"
                        + " EGOV_PERSONAL_DATA_ACTIVE_KEY is not set")
                .hasMessageContaining("egov.personal-data.index-key: the environment variable"
                        + " EGOV_PERSONAL_DATA_INDEX_KEY is not set");
    }

    /** Binds application-prod.properties the way Spring Boot does, with the given environment variables. */
    private static PersonalDataProperties bindProduction(Map<String, Object> environment) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", environment));
        new PropertiesPropertySourceLoader().load("prod", new ClassPathResource("application-prod.properties"))
                .forEach(sources::addLast);
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bindOrCreate("egov.personal-data", PersonalDataProperties.class);
    }
}
