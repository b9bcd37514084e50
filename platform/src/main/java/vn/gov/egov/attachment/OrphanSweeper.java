package vn.gov.egov.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes files that no metadata row points at: written before a transaction that then rolled back, or temporary
 * files of a crashed write. Only files older than the grace period go, far longer than any transaction, so that a
 * file whose row is still being inserted is never taken. Storing content that is already there touches its file, and
 * a file is deleted only if it is still old after its row was looked up, so a new reference to an old orphan keeps it;
 * the integrity check would report the one remaining race (a store between that look-up and the delete).
 * <p>
 * It lists every file of the tree: at millions of files, run it less often (the grace period bounds nothing else).
 */
@Component
class OrphanSweeper {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);
    private static final Pattern FAN_OUT = Pattern.compile("[0-9a-f]{2}");

    /**
     * @param unused files whose last reference was released (no reference, no personal document): their rows went, and
     *               their bytes with them (in PostgreSQL) or with the files swept in the same run
     */
    record Result(long examined, long removed, long removedBytes, long unused) {
    }

    private final FileContentStore files;
    private final JdbcClient jdbc;
    private final Duration grace;
    private final ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters;
    private final Clock clock = Clock.systemUTC();

    OrphanSweeper(FileContentStore files, JdbcClient jdbc, ContentStoreProperties properties,
                  ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        this.files = files;
        this.jdbc = jdbc;
        this.grace = properties.orphanGrace();
        this.meters = meters;
    }

    @Scheduled(cron = "${egov.attachment.sweep-cron:0 15 * * * *}", zone = "Asia/Ho_Chi_Minh")
    void scheduled() {
        try {
            sweep(grace);
        } catch (RuntimeException e) {
            log.error("Sweeping orphan files under {} failed; it runs again at the next schedule", files.root(), e);
        }
    }

    /**
     * Removes the rows of files nothing uses any more (first stored more than {@code grace} ago), then files without a
     * row ({@code location = 'fs'}) last written or touched more than {@code grace} ago.
     */
    Result sweep(Duration grace) {
        Instant cutoff = clock.instant().minus(grace);
        long unused = unused(cutoff);
        long examined = 0;
        long removed = 0;
        long bytes = 0;
        for (Path top : directories(files.root())) {
            for (Path leaf : directories(top)) {
                List<Path> candidates = new ArrayList<>();
                for (Path file : entries(leaf)) {
                    String name = file.getFileName().toString();
                    boolean temporary = name.startsWith(FileContentStore.TEMPORARY_PREFIX);
                    if (!temporary && !FileContentStore.HASH.matcher(name).matches()) {
                        continue; // not ours: leave it
                    }
                    examined++;
                    if (!olderThan(file, cutoff)) {
                        continue;
                    }
                    if (temporary) {
                        long size = delete(file, cutoff);
                        if (size >= 0) {
                            removed++;
                            bytes += size;
                        }
                    } else {
                        candidates.add(file);
                    }
                }
                Set<String> referenced = referenced(candidates);
                for (Path file : candidates) {
                    if (!referenced.contains(file.getFileName().toString())) {
                        long size = delete(file, cutoff);
                        if (size >= 0) {
                            removed++;
                            bytes += size;
                            log.info("Orphan file {} removed ({} bytes, no metadata row)", file.getFileName(), size);
                        }
                    }
                }
            }
        }
        if (removed > 0) {
            log.info("Orphan sweep under {}: {} of {} files removed ({} bytes), grace {}", files.root(), removed, examined, bytes, grace);
            long count = removed;
            meters.ifAvailable(m -> m.counter("egov.attachment.orphans.removed").increment(count));
        }
        return new Result(examined, removed, bytes, unused);
    }

    private static final String NOTHING_USES = """
            NOT EXISTS (SELECT 1 FROM attachment_reference r WHERE r.sha256 = c.sha256)
            AND NOT EXISTS (SELECT 1 FROM personal_document p WHERE p.sha256 = c.sha256)""";

    /**
     * Deletes, one by one and each in its own statement, the content rows that nothing refers to; a row that gained a
     * reference meanwhile (the same file stored again at that moment) stays.
     */
    private long unused(Instant cutoff) {
        List<String> hashes = jdbc.sql("SELECT c.sha256 FROM attachment_content c WHERE c.first_stored_at < ? AND " + NOTHING_USES + " LIMIT 10000")
                .param(java.sql.Timestamp.from(cutoff)).query(String.class).list();
        long deleted = 0;
        for (String sha256 : hashes) {
            try {
                int rows = jdbc.sql("DELETE FROM attachment_content c WHERE c.sha256 = ? AND " + NOTHING_USES).param(sha256).update();
                if (rows > 0) {
                    deleted++;
                    log.info("File {} no longer used (its last reference was released): its row removed", sha256);
                }
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                log.info("File {} is used again: kept", sha256);
            }
        }
        return deleted;
    }

    private Set<String> referenced(List<Path> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        String[] hashes = candidates.stream().map(p -> p.getFileName().toString()).toArray(String[]::new);
        return new HashSet<>(jdbc.sql("SELECT sha256 FROM attachment_content WHERE location = 'fs' AND sha256 = ANY (CAST(? AS char(64)[]))")
                .param(hashes).query(String.class).list());
    }

    /** Deletes the file if it is still older than the cutoff (a store of the same content touches it); its size or -1. */
    private static long delete(Path file, Instant cutoff) {
        try {
            if (!olderThan(file, cutoff)) {
                return -1;
            }
            long size = Files.size(file);
            return Files.deleteIfExists(file) ? size : -1;
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean olderThan(Path file, Instant cutoff) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isAfter(cutoff);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> directories(Path parent) {
        return entries(parent).stream()
                .filter(p -> FAN_OUT.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)).sorted().toList();
    }

    private static List<Path> entries(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
