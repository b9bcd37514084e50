package vn.gov.egov.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the chain to the SOC's syslog collector, in order, from a cursor kept in the database (the last sequence
 * number sent), so that nothing is lost while the SOC is unreachable: the cursor moves only after a batch was written
 * and flushed, and a failure closes the connection and retries with exponential backoff. Delivery is at least once
 * (after a failure a batch may be sent again; {@code seq} tells duplicates apart): syslog over TCP has no
 * acknowledgements. On several nodes, the one holding the cursor row's lock ships; the others skip the round.
 */
@Component
class SyslogShipper implements SmartLifecycle {

    static final String CURSOR = "syslog";
    private static final Logger log = LoggerFactory.getLogger(SyslogShipper.class);

    private final AuditStore store;
    private final TransactionTemplate transactions;
    private final AuditProperties.Syslog settings;
    private final Supplier<SslBundles> sslBundles;
    private final String cursor;
    private final SyslogFormat format;
    private SSLSocketFactory tls;
    private Socket socket;
    private OutputStream out;
    private final WorkerThread worker = new WorkerThread();
    private int failures;

    @Autowired
    SyslogShipper(AuditStore store, TransactionTemplate transactions, AuditProperties properties,
                  ObjectProvider<SslBundles> sslBundles) {
        this(store, transactions, properties.syslog(), sslBundles::getObject, CURSOR);
    }

    SyslogShipper(AuditStore store, TransactionTemplate transactions, AuditProperties.Syslog settings,
                  Supplier<SslBundles> sslBundles, String cursor) {
        this.store = store;
        this.transactions = transactions;
        this.settings = settings;
        this.sslBundles = sslBundles;
        this.cursor = cursor;
        this.format = new SyslogFormat(settings.facility(), settings.hostname() != null ? settings.hostname() : localHostName(),
                settings.appName(), settings.sdId());
    }

    /** Sends everything not sent yet; returns how many entries were sent. Throws when the collector is unreachable. */
    synchronized int shipPending() {
        int sent = 0;
        int round;
        do {
            round = transactions.execute(status -> shipRound());
            sent += round;
        } while (round == settings.batchSize());
        return sent;
    }

    private int shipRound() {
        Long last = store.lockCursor(cursor).orElse(null);
        if (last == null) {
            return 0; // another node is shipping
        }
        List<AuditEntry> entries = store.after(last, settings.batchSize());
        if (entries.isEmpty()) {
            return 0;
        }
        try {
            OutputStream stream = connection();
            for (AuditEntry entry : entries) {
                stream.write(format.frame(entry));
            }
            stream.flush();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("syslog collector " + settings.host() + ":" + settings.port() + " unreachable", e);
        }
        store.moveCursor(cursor, entries.get(entries.size() - 1).sequence());
        return entries.size();
    }

    private OutputStream connection() throws IOException {
        if (socket != null && !closedByPeer()) {
            return out;
        }
        close();
        int timeout = (int) settings.connectTimeout().toMillis();
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
        plain.setSoTimeout(timeout);
        plain.setKeepAlive(true);
        Socket connected = plain;
        if (settings.tls().enabled()) {
            SSLSocket secure = (SSLSocket) tlsFactory().createSocket(plain, settings.host(), settings.port(), true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            connected = secure;
        }
        socket = connected;
        out = new BufferedOutputStream(connected.getOutputStream(), 64 * 1024);
        return out;
    }

    /** A collector that restarted has closed its end: notice before writing into the void. */
    private boolean closedByPeer() {
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            try {
                socket.setSoTimeout((int) settings.connectTimeout().toMillis());
            } catch (IOException ignored) {
                // the next write reports it
            }
        }
    }

    private SSLSocketFactory tlsFactory() {
        if (tls == null) {
            String bundle = settings.tls().bundle();
            try {
                tls = bundle == null || bundle.isBlank()
                        ? (SSLSocketFactory) SSLSocketFactory.getDefault()
                        : sslBundles.get().getBundle(bundle).createSslContext().getSocketFactory();
            } catch (RuntimeException e) {
                throw new IllegalStateException("egov.audit.syslog.tls.bundle '" + bundle + "' cannot be used", e);
            }
        }
        return tls;
    }

    private synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        out = null;
    }

    private void run() {
        while (worker.isCurrent()) {
            try {
                Thread.sleep(failures == 0 ? settings.interval().toMillis() : backoff(failures).toMillis());
                shipPending();
                if (failures > 0) {
                    log.info("Audit syslog shipping to {}:{} resumed after {} failed attempts", settings.host(),
                            settings.port(), failures);
                }
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures++;
                log.warn("Audit syslog shipping failed (attempt {}), next try in {}: {}", failures, backoff(failures), e.getMessage());
            }
        }
    }

    /** The wait after {@code failures} failed attempts in a row: initial, doubled each time, at most the maximum. */
    Duration backoff(int failures) {
        Duration wait = settings.initialBackoff().multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        log.info("Audit trail shipped as RFC 5424 syslog to {}:{} ({})", settings.host(), settings.port(),
                settings.tls().enabled() ? "TLS" : "TCP");
        worker.start("audit-syslog", this::run);
    }

    @Override
    public void stop() {
        worker.stop();
        close();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "-";
        }
    }
}
