package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.PlatformTest;

/** Shipping the chain to a SOC collector: a local TCP (and TLS) server on a random loopback port receives the frames. */
class SyslogShippingTest extends PlatformTest {

    private static final Pattern HEADER = Pattern.compile(
            "<(\\d{1,3})>1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) \\[audit@32473 ((?:[^\\]\\\\]|\\\\.)*)\\] ");

    @Autowired
    AuditTrail trail;
    @Autowired
    ChainSealer sealer;
    @Autowired
    AuditStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void entriesArriveAsRfc5424FramesWithOctetCountingAndTheCursorMoves() throws Exception {
        String cursor = cursorAtHead();
        String id = "syslog-" + UUID.randomUUID();
        try (Collector soc = Collector.plain()) {
            trail.record(AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS)
                    .actor(new Actor("can-bo-1", "Nguyễn Văn A", List.of("PROVINCE_ADMIN"), "H20.01"))
                    .object("syslog-test", id)
                    .changed("name", "Lạng Sơn", "Lạng Sơn mới")
                    .from("192.0.2.10", "Mozilla/5.0")
                    .build());
            trail.record(AuditRecord.builder(AuditActions.LOGIN_FAILED, Outcome.FAILURE).actor(Actor.user("ai-do"))
                    .object("syslog-test", id + "-2").build());
            sealer.sealPending();
            SyslogShipper shipper = shipper(soc.port, false, cursor);

            int sent = shipper.shipPending();

            List<byte[]> frames = soc.frames(sent);
            AuditEntry update = ours(id);
            byte[] message = frameFor(frames, update.sequence());
            String text = new String(message, StandardCharsets.UTF_8);
            Matcher header = HEADER.matcher(text);
            assertThat(header.lookingAt()).as(text).isTrue();
            assertThat(header.group(1)).isEqualTo("110"); // facility 13 (log audit) × 8 + informational
            assertThat(header.group(2)).isEqualTo(CanonicalJson.instant(update.content().at()))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(header.group(3)).isEqualTo("soc-test-host");
            assertThat(header.group(4)).isEqualTo("egov-platform");
            assertThat(header.group(5)).isEqualTo("-");
            assertThat(header.group(6)).isEqualTo("UPDATE");
            assertThat(header.group(7)).contains("seq=\"" + update.sequence() + "\"", "outcome=\"SUCCESS\"",
                    "actor=\"can-bo-1\"", "roles=\"PROVINCE_ADMIN\"", "agency=\"H20.01\"", "objectType=\"syslog-test\"",
                    "objectId=\"" + id + "\"", "changed=\"name\"", "ip=\"192.0.2.10\"", "hash=\"" + update.hash() + "\"",
                    "prevHash=\"" + update.previousHash() + "\"");
            int msg = header.end();
            assertThat(Arrays.copyOfRange(message, msg, msg + 3)).containsExactly(0xEF, 0xBB, 0xBF);
            assertThat(new String(message, msg + 3, message.length - msg - 3, StandardCharsets.UTF_8))
                    .isEqualTo(CanonicalJson.line(update))
                    .contains("\"after\":\"Lạng Sơn mới\"");
            AuditEntry failure = ours(id + "-2");
            assertThat(new String(frameFor(frames, failure.sequence()), StandardCharsets.UTF_8)).startsWith("<109>1 ");
            assertThat(store.shippedUpTo(cursor)).isGreaterThanOrEqualTo(failure.sequence());
        }
    }

    @Test
    void whileTheSocIsDownNothingIsMarkedSentAndItAllArrivesLater() throws Exception {
        String cursor = cursorAtHead();
        String id = "syslog-down-" + UUID.randomUUID();
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        trail.record(AuditRecord.builder(AuditActions.DELETE, Outcome.SUCCESS).object("syslog-test", id).build());
        sealer.sealPending();
        long before = store.shippedUpTo(cursor);

        assertThatThrownBy(() -> shipper(closedPort, false, cursor).shipPending()).isInstanceOf(UncheckedIOException.class);
        assertThat(store.shippedUpTo(cursor)).isEqualTo(before);

        try (Collector soc = Collector.plain()) {
            int sent = shipper(soc.port, false, cursor).shipPending();
            AuditEntry entry = ours(id);
            assertThat(new String(frameFor(soc.frames(sent), entry.sequence()), StandardCharsets.UTF_8)).contains("DELETE");
        }
    }

    @Test
    void withTlsTheCollectorsCertificateFromTheConfiguredTrustStoreIsVerified(@TempDir Path dir) throws Exception {
        KeyStore keys = selfSigned(dir);
        String cursor = cursorAtHead();
        String id = "syslog-tls-" + UUID.randomUUID();
        try (Collector soc = Collector.tls(keys)) {
            trail.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("syslog-test", id).build());
            sealer.sealPending();

            int sent = shipper(soc.port, true, cursor).shipPending();

            AuditEntry entry = ours(id);
            assertThat(new String(frameFor(soc.frames(sent), entry.sequence()), StandardCharsets.UTF_8))
                    .contains("seq=\"" + entry.sequence() + "\"");
        }
        try (Collector untrusted = Collector.tls(selfSigned(dir.resolve("other")))) {
            trail.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("syslog-test", id + "-x").build());
            sealer.sealPending();
            assertThatThrownBy(() -> shipper(untrusted.port, true, cursor).shipPending()).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void theBackoffDoublesUpToItsLimit() {
        SyslogShipper shipper = shipper(1, false, "unused");

        assertThat(shipper.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(shipper.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(shipper.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(shipper.backoff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(shipper.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(shipper.backoff(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    private KeyStore trustStore;

    private SyslogShipper shipper(int port, boolean tls, String cursor) {
        AuditProperties.Syslog settings = new AuditProperties.Syslog("127.0.0.1", port,
                new AuditProperties.Tls(tls, tls ? "soc" : null), "soc-test-host", "egov-platform", "audit@32473", 13,
                Duration.ofSeconds(2), 50, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(5));
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();
        if (trustStore != null) {
            bundles.registerBundle("soc", SslBundle.of(SslStoreBundle.of(null, null, trustStore)));
        }
        return new SyslogShipper(store, transactions, settings, () -> bundles, cursor);
    }

    /** A cursor that starts at the current head, so that only this test's entries are sent. */
    private String cursorAtHead() {
        String cursor = "test-" + UUID.randomUUID();
        sealer.sealPending();
        jdbc.sql("INSERT INTO audit_shipping_cursor (name, last_sequence, updated_at) VALUES (:n, :s, now())")
                .param("n", cursor).param("s", store.head().sequence()).update();
        return cursor;
    }

    private AuditEntry ours(String objectId) {
        long sequence = jdbc.sql("SELECT sequence_number FROM audit_entry WHERE object_id = :id")
                .param("id", objectId).query(Long.class).single();
        return store.after(sequence - 1, 1).get(0);
    }

    private static byte[] frameFor(List<byte[]> frames, long sequence) {
        String marker = "seq=\"" + sequence + "\"";
        return frames.stream().filter(f -> new String(f, StandardCharsets.UTF_8).contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no frame for entry " + sequence));
    }

    /** A self-signed certificate for localhost and 127.0.0.1, made by the JDK's keytool. */
    private KeyStore selfSigned(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("soc.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "soc", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, "changeit".toCharArray());
        }
        if (trustStore == null) {
            trustStore = store; // the shipper trusts the first certificate only
        }
        return store;
    }

    /** A syslog collector on a random loopback port that splits the stream into octet-counted frames. */
    private static final class Collector implements AutoCloseable {

        final ServerSocket server;
        final int port;
        final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        final Thread reader;

        static Collector plain() throws IOException {
            return new Collector(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
        }

        static Collector tls(KeyStore keys) throws Exception {
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, "changeit".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return new Collector(context.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress()));
        }

        private Collector(ServerSocket server) {
            this.server = server;
            this.port = server.getLocalPort();
            this.reader = new Thread(this::accept, "test-syslog-collector");
            reader.setDaemon(true);
            reader.start();
        }

        private void accept() {
            while (!server.isClosed()) {
                try (Socket connection = server.accept()) {
                    DataInputStream in = new DataInputStream(connection.getInputStream());
                    while (true) {
                        ByteArrayOutputStream length = new ByteArrayOutputStream();
                        int b;
                        while ((b = in.read()) != ' ') {
                            if (b < 0) {
                                throw new IOException("closed");
                            }
                            length.write(b);
                        }
                        byte[] frame = new byte[Integer.parseInt(length.toString(StandardCharsets.US_ASCII))];
                        in.readFully(frame);
                        received.add(frame);
                    }
                } catch (IOException | RuntimeException e) {
                    // connection ended or the handshake was refused; wait for the next one
                }
            }
        }

        List<byte[]> frames(int count) throws InterruptedException {
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] frame = received.poll(10, TimeUnit.SECONDS);
                assertThat(frame).as("frame %d of %d", i + 1, count).isNotNull();
                frames.add(frame);
            }
            return frames;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
