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
 * The daily retention purge, keeping every chain verifiable.
 * <p>
 * Levels have different retention, so an expired record may sit between records still kept. First, every record past
 * its level's retention is <em>erased</em>: its content (metadata and sealed bodies) is removed, while its place, time,
 * level and hashes stay so that its successor still links to it (verification checks the link, that nothing is left,
 * and that the retention had ended). Then the erased records at the start of each node's chain are deleted and the
 * chain's <em>anchor</em> moves to the last deleted one (its sequence and hash): verification starts from the anchor.
 */
class MessageLogRetention {

    private static final Logger log = LoggerFactory.getLogger(MessageLogRetention.class);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    record Result(long erased, long deleted) {
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
            if (result.erased() > 0 || result.deleted() > 0) {
                log.info("Message log retention: {} records erased, {} deleted", result.erased(), result.deleted());
            }
        } catch (RuntimeException e) {
            log.error("Message log retention purge failed; it runs again at the next schedule", e);
        }
    }

    /** When a record of this level received at {@code at} may be erased. */
    Instant expires(SecurityLevel level, Instant at) {
        return at.atZone(VIETNAM).plus(retention.of(level)).toInstant();
    }

    Result purge() {
        Instant now = clock.instant();
        long erased = 0;
        for (SecurityLevel level : SecurityLevel.values()) {
            Timestamp cutoff = Timestamp.from(now.atZone(VIETNAM).minus(retention.of(level)).toInstant());
            int batch;
            do {
                batch = jdbc.update("UPDATE lgsp_log_record SET purged = true, request_id = NULL, consumer = NULL,"
                        + " client_id = NULL, service = NULL, method = NULL, path = NULL, status = 0, error_class = NULL,"
                        + " request_bytes = 0, response_bytes = 0, total_micros = 0, provider_micros = 0,"
                        + " request_hash = NULL, response_hash = NULL, request_body = NULL, response_body = NULL"
                        + " WHERE (node_id, sequence) IN (SELECT node_id, sequence FROM lgsp_log_record"
                        + "   WHERE NOT purged AND security_level = ? AND at < ? LIMIT ?)",
                        level.name(), cutoff, batchSize);
                erased += batch;
            } while (batch == batchSize);
        }
        // the roll-up only serves monitoring's recent windows; 90 days leave room for comparisons
        jdbc.update("DELETE FROM lgsp_log_minute WHERE minute < ?", Timestamp.from(now.minus(java.time.Duration.ofDays(90))));
        long deleted = 0;
        for (String node : jdbc.queryForList("SELECT node_id FROM lgsp_log_chain ORDER BY node_id", String.class)) {
            long batch;
            do {
                batch = transactions.execute(status -> deletePrefix(node, now));
                deleted += batch;
            } while (batch > 0);
        }
        return new Result(erased, deleted);
    }

    /** Deletes up to a batch of erased records at the start of the node's chain and moves its anchor. */
    private long deletePrefix(String node, Instant now) {
        List<long[]> chain = jdbc.query("SELECT anchor_sequence, head_sequence FROM lgsp_log_chain WHERE node_id = ?"
                + " FOR UPDATE", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, node);
        if (chain.isEmpty()) {
            return 0;
        }
        long anchor = chain.get(0)[0];
        long head = chain.get(0)[1];
        Long firstKept = jdbc.queryForObject("SELECT min(sequence) FROM lgsp_log_record WHERE node_id = ? AND NOT purged",
                Long.class, node);
        long upTo = Math.min(firstKept == null ? head : firstKept - 1, anchor + batchSize);
        if (upTo <= anchor) {
            return 0;
        }
        List<String> hash = jdbc.queryForList("SELECT hash FROM lgsp_log_record WHERE node_id = ? AND sequence = ?"
                + " AND purged", String.class, node, upTo);
        if (hash.isEmpty()) {
            log.warn("Message log retention: record {} of node {} is missing; the chain's start is left as it is "
                    + "(verification reports it)", upTo, node);
            return 0;
        }
        int deleted = jdbc.update("DELETE FROM lgsp_log_record WHERE node_id = ? AND sequence > ? AND sequence <= ?"
                + " AND purged", node, anchor, upTo);
        jdbc.update("UPDATE lgsp_log_chain SET anchor_sequence = ?, anchor_hash = ?, anchored_at = ? WHERE node_id = ?",
                upTo, hash.get(0), Timestamp.from(now), node);
        return deleted;
    }
}
