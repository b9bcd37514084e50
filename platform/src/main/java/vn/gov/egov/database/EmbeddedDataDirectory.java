package vn.gov.egov.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's data directory, held by one platform process at a time: a lock on
 * {@code <data dir>/platform.lock} for as long as the process runs (the operating system drops it when the process
 * ends, however it ends). Holding it, the process knows that a PostgreSQL still running on the directory was left by
 * an earlier run that ended without stopping it (killed, out of memory) and stops it, so that the platform starts
 * again by itself; a second process on the same directory is refused with the reason.
 */
final class EmbeddedDataDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirectory.class);
    static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final FileChannel channel;
    private final FileLock lock;

    private EmbeddedDataDirectory(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the data directory ({@code root}, with the database in {@code root/postgres}) and stops a PostgreSQL an earlier
     * run left on it.
     *
     * @throws IllegalStateException when another platform process holds the directory
     */
    static EmbeddedDataDirectory take(Path root) {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve("platform.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("The data directory " + root.toAbsolutePath().normalize() + " is in use by another "
                        + "platform process: stop it, or give this one its own directory (EGOV_DATA_DIR)");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            EmbeddedDataDirectory directory = new EmbeddedDataDirectory(channel, lock);
            stopOrphan(root.resolve("postgres"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take the data directory " + root, e);
        }
    }

    /** Stops the PostgreSQL named by {@code postmaster.pid} when it still runs on this directory. */
    static void stopOrphan(Path database) throws IOException {
        Path pidFile = database.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        Optional<ProcessHandle> postmaster;
        try {
            postmaster = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return; // not a pid: PostgreSQL itself decides what to do with the file
        }
        if (postmaster.isEmpty() || !postmaster.get().isAlive() || !isPostgres(postmaster.get())) {
            return; // a stale file: PostgreSQL removes it when it starts
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping the embedded PostgreSQL (pid {}) that an earlier run left on {}: that run ended without stopping it",
                process.pid(), database);
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the earlier run
        try {
            process.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("The embedded PostgreSQL (pid {}) did not stop within {}: killing it (it recovers from its log at the next start)",
                    process.pid(), ORPHAN_STOP_TIMEOUT);
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the embedded PostgreSQL left on " + database, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot stop the embedded PostgreSQL left on " + database, e);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // without the command line (some systems hide it), a live process named in postmaster.pid is taken for PostgreSQL
        return process.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe")).orElse(true);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
