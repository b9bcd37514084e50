package vn.gov.egov.lgsp.messagelog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/**
 * The daily retention purge, keeping every chain verifiable. Each node keeps one chain per security level, so a
 * chain's records all have the same retention: the purge deletes the start of each chain up to the first record still
 * within its level's retention, in batches, and moves the chain's <em>anchor</em> to the last deleted record (its
 * sequence and hash), from which verification starts. It never deletes across a gap (a record already missing): that
 * is left for verification to report.
 */
class MessageLogRetention {

    private static final Logger log = LoggerFactory.getLogger(MessageLogRetention.class);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    record Result(long deleted) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MessageLogProperties.Retention retention;
    private final int batchSize;
    private final Clock clock;

    MessageLogRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                        MessageLogProperties.Retention retention, int batchSize, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.retention = retention;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Scheduled(cron = "${egov.lgsp.messagelog.purge.cron:0 45 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    void scheduled() {
        try {
            Result result = purge();
            if (result.deleted() > 0) {
                log.info("Message log retention: {} records deleted", result.deleted());
            }
        } catch (RuntimeException e) {
            log.error("Message log retention purge failed; it runs again at the next schedule", e);
        }
    }

    Result purge() {
        Instant now = clock.instant();
        // the roll-up only serves monitoring's recent windows; 90 days leave room for comparisons
        jdbc.update("DELETE FROM lgsp_log_minute WHERE minute < ?", Timestamp.from(now.minus(java.time.Duration.ofDays(90))));
        long deleted = 0;
        for (String chain : jdbc.queryForList("SELECT node_id FROM lgsp_log_chain ORDER BY node_id", String.class)) {
            SecurityLevel level;
            try {
                level = MessageLogStore.levelOf(chain);
            } catch (IllegalArgumentException e) {
                log.warn("Message log retention: chain {} names no security level; left as it is", chain);
                continue;
            }
            Instant cutoff = now.atZone(VIETNAM).minus(retention.of(level)).toInstant();
            long batch;
            do {
                batch = transactions.execute(status -> deletePrefix(chain, cutoff));
                deleted += batch;
            } while (batch == batchSize);
        }
        return new Result(deleted);
    }

    private record Candidate(long sequence, Instant at, String hash) {
    }

    /** Deletes up to a batch of records received before the cutoff at the start of the chain; moves its anchor. */
    private long deletePrefix(String chain, Instant cutoff) {
        List<Long> anchors = jdbc.queryForList("SELECT anchor_sequence FROM lgsp_log_chain WHERE node_id = ? FOR UPDATE",
                Long.class, chain);
        if (anchors.isEmpty()) {
            return 0;
        }
        long anchor = anchors.get(0);
        List<Candidate> first = jdbc.query("SELECT sequence, at, hash FROM lgsp_log_record WHERE node_id = ?"
                        + " AND sequence > ? ORDER BY sequence LIMIT ?",
                (rs, n) -> new Candidate(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
                chain, anchor, batchSize);
        Candidate last = null;
        long expected = anchor + 1;
        for (Candidate c : first) {
            if (c.sequence() != expected) {
                log.warn("Message log retention: record {} of chain {} is missing; the purge stops before it "
                        + "(verification reports it)", expected, chain);
                break;
            }
            if (!c.at().isBefore(cutoff)) {
                break;
            }
            last = c;
            expected++;
        }
        if (last == null) {
            return 0;
        }
        int deleted = jdbc.update("DELETE FROM lgsp_log_record WHERE node_id = ? AND sequence > ? AND sequence <= ?",
                chain, anchor, last.sequence());
        jdbc.update("UPDATE lgsp_log_chain SET anchor_sequence = ?, anchor_hash = ?, anchored_at = ? WHERE node_id = ?",
                last.sequence(), last.hash(), Timestamp.from(clock.instant()), chain);
        return deleted;
    }
}
