package vn.gov.egov.lgsp.pubsub;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each subscription's queue in PostgreSQL ({@code lgsp_pubsub_delivery}): rows are leased to a worker or a pull,
 * deleted once delivered, retried with back-off, and set aside as dead letters after the last attempt. Ordering per
 * key: an event is not offered while an earlier one of the same key is leased or waiting for its retry. Used by the
 * PostgreSQL backend for everything, by the Kafka backend for pull subscriptions, parked push deliveries (a key whose
 * event failed), dead letters and replays. A row is
 * {@code blocking} while leased or waiting for its retry, so that the check needs only a small partial index.
 */
@Component
class DeliveryQueue {

    private static final String ENVELOPE = """
            SELECT d.event_seq, e.id, t.member || '/' || t.subsystem || '/' || t.code || '/' || t.version AS event_type,
                   e.idempotency_key, e.ordering_key, e.published_at, e.payload, d.attempts
            FROM lgsp_pubsub_delivery d
            JOIN lgsp_pubsub_event e ON e.seq = d.event_seq
            JOIN lgsp_pubsub_event_type t ON t.id = e.event_type_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final PubSubProperties properties;

    DeliveryQueue(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, PubSubProperties properties) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Queues the events for every subscription of their type that is active or paused (of the given modes). */
    int enqueue(UUID eventTypeId, long[] seqs, Collection<Subscription.Mode> modes) {
        if (seqs.length == 0) {
            return 0;
        }
        return jdbcTemplate.execute((java.sql.Connection c) -> {
            try (var insert = c.prepareStatement("""
                    INSERT INTO lgsp_pubsub_delivery (subscription_id, event_seq, ordering_key, state, next_attempt_at, enqueued_at)
                    SELECT s.id, e.seq, e.ordering_key, 'WAITING', now(), now()
                    FROM lgsp_pubsub_event e JOIN lgsp_pubsub_subscription s ON s.event_type_id = e.event_type_id
                    WHERE e.seq = ANY (?) AND s.event_type_id = ? AND s.state IN ('ACTIVE', 'PAUSED') AND s.mode = ANY (?)
                    ON CONFLICT DO NOTHING""")) {
                Long[] boxed = new Long[seqs.length];
                for (int i = 0; i < seqs.length; i++) {
                    boxed[i] = seqs[i];
                }
                insert.setArray(1, c.createArrayOf("bigint", boxed));
                insert.setObject(2, eventTypeId);
                insert.setArray(3, c.createArrayOf("text", modes.stream().map(Enum::name).toArray()));
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Leases the next events of a subscription, in publishing order, at most {@code max}, none of a key whose earlier
     * event is still leased or waiting for a retry. One claim per subscription at a time across nodes (an advisory
     * lock), so that two workers never split one key.
     */
    List<Envelope> claim(UUID subscription, int max, Duration lease) {
        return claim(subscription, max, lease, List.of());
    }

    /** The same, first removing the events the subscriber just took (one commit instead of two per batch). */
    List<Envelope> claim(UUID subscription, int max, Duration lease, Collection<Long> delivered) {
        return transactions.execute(status -> {
            delivered(subscription, delivered);
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 170))")
                    .param(subscription.toString()).query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return List.<Envelope>of();
            }
            List<Long> seqs = jdbc.sql("""
                    SELECT d.event_seq FROM lgsp_pubsub_delivery d
                    WHERE d.subscription_id = :s AND d.state = 'WAITING' AND d.next_attempt_at <= now()
                      AND (d.ordering_key IS NULL OR NOT EXISTS (
                          SELECT 1 FROM lgsp_pubsub_delivery b
                          WHERE b.subscription_id = d.subscription_id AND b.ordering_key = d.ordering_key
                            AND b.event_seq < d.event_seq AND b.blocking AND b.ordering_key IS NOT NULL))
                    ORDER BY d.event_seq LIMIT :max
                    FOR UPDATE SKIP LOCKED""")
                    .param("s", subscription).param("max", max).query(Long.class).list();
            if (seqs.isEmpty()) {
                return List.<Envelope>of();
            }
            Long[] array = seqs.toArray(Long[]::new);
            jdbcTemplate.update(c -> {
                var update = c.prepareStatement("""
                        UPDATE lgsp_pubsub_delivery SET state = 'LEASED', attempts = attempts + 1, blocking = true,
                               leased_until = now() + make_interval(secs => ?)
                        WHERE subscription_id = ? AND event_seq = ANY (?)""");
                update.setDouble(1, lease.toMillis() / 1000.0);
                update.setObject(2, subscription);
                update.setArray(3, c.createArrayOf("bigint", array));
                return update;
            });
            return envelopes(subscription, array);
        });
    }

    private List<Envelope> envelopes(UUID subscription, Long[] seqs) {
        return jdbcTemplate.query(c -> {
            var select = c.prepareStatement(ENVELOPE + " WHERE d.subscription_id = ? AND d.event_seq = ANY (?) ORDER BY d.event_seq");
            select.setObject(1, subscription);
            select.setArray(2, c.createArrayOf("bigint", seqs));
            return select;
        }, (rs, n) -> new Envelope(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8)));
    }

    /** The subscriber took them: they leave the queue. */
    void delivered(UUID subscription, Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        Long[] array = seqs.toArray(Long[]::new);
        jdbcTemplate.update(c -> {
            var delete = c.prepareStatement("DELETE FROM lgsp_pubsub_delivery WHERE subscription_id = ? AND event_seq = ANY (?)");
            delete.setObject(1, subscription);
            delete.setArray(2, c.createArrayOf("bigint", array));
            return delete;
        });
    }

    /** A delivery failed: each event waits for its next attempt, or becomes a dead letter after the last one. */
    void failed(UUID subscription, List<Envelope> events, String error) {
        String reason = error == null ? "" : error.length() > 500 ? error.substring(0, 500) : error;
        List<Object[]> rows = new ArrayList<>();
        for (Envelope event : events) {
            boolean dead = event.attempts() >= properties.maxAttempts();
            Instant next = Instant.now().plus(properties.backoff(event.attempts()));
            rows.add(new Object[] {dead ? "DEAD" : "WAITING", !dead, Timestamp.from(next), reason, subscription, event.seq()});
        }
        jdbcTemplate.batchUpdate("""
                UPDATE lgsp_pubsub_delivery SET state = ?, blocking = ?, next_attempt_at = ?, leased_until = NULL, last_error = ?
                WHERE subscription_id = ? AND event_seq = ? AND state = 'LEASED'""", rows);
    }

    /** Back to the queue untried (the attempt it was leased with does not count). */
    void release(UUID subscription, Envelope event) {
        jdbc.sql("""
                UPDATE lgsp_pubsub_delivery SET state = 'WAITING', attempts = GREATEST(attempts - 1, 0), leased_until = NULL, blocking = false,
                       next_attempt_at = now()
                WHERE subscription_id = ? AND event_seq = ? AND state = 'LEASED'""").params(subscription, event.seq()).update();
    }

    /** Leases that ran out (a worker stopped, a pull never acknowledged) are offered again, or end as dead letters. */
    int expireLeases() {
        return jdbc.sql("""
                UPDATE lgsp_pubsub_delivery SET state = CASE WHEN attempts >= :max THEN 'DEAD' ELSE 'WAITING' END,
                       blocking = attempts < :max, next_attempt_at = now(), leased_until = NULL,
                       last_error = COALESCE(last_error, 'lease expired')
                WHERE state = 'LEASED' AND leased_until < now()""").param("max", properties.maxAttempts()).update();
    }

    /** Pull: the consumer acknowledges events it was given; returns how many left the queue. */
    int acknowledge(UUID subscription, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        UUID[] ids = eventIds.toArray(UUID[]::new);
        return jdbcTemplate.update(c -> {
            var delete = c.prepareStatement("""
                    DELETE FROM lgsp_pubsub_delivery d USING lgsp_pubsub_event e
                    WHERE d.subscription_id = ? AND d.event_seq = e.seq AND e.id = ANY (?) AND d.state = 'LEASED'""");
            delete.setObject(1, subscription);
            delete.setArray(2, c.createArrayOf("uuid", ids));
            return delete;
        });
    }

    /**
     * Kafka backend: the ordering keys, among {@code keys}, that have events of this subscription parked here (waiting
     * or leased, not dead letters): the key's next events from the topic are parked behind them.
     */
    java.util.Set<String> parkedKeys(UUID subscription, Collection<String> keys) {
        if (keys.isEmpty()) {
            return java.util.Set.of();
        }
        String[] array = keys.toArray(String[]::new);
        return new java.util.HashSet<>(jdbcTemplate.query(c -> {
            var select = c.prepareStatement("""
                    SELECT DISTINCT ordering_key FROM lgsp_pubsub_delivery
                    WHERE subscription_id = ? AND state IN ('WAITING', 'LEASED') AND ordering_key = ANY (?)""");
            select.setObject(1, subscription);
            select.setArray(2, c.createArrayOf("text", array));
            return select;
        }, (rs, n) -> rs.getString(1)));
    }

    /** An event parked by the Kafka backend: failed once (with why), or untried behind a failed one of its key. */
    record Parked(Envelope event, String error) {
    }

    /**
     * Kafka backend: parks events of one subscription here, in one transaction, so that its consumer may commit their
     * offsets and go on with the partition's other keys. A failed event waits for its retry (and blocks its key), or
     * is a dead letter at once when one attempt is all that is allowed; an untried one waits behind its key's failed
     * one. They are then delivered (retries, back-off, dead letters, order per key) as the PostgreSQL queue's are.
     * An event parked before (a record read again after a restart) is left as it is.
     */
    void park(UUID subscription, List<Parked> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Parked p : events) {
            boolean failed = p.error() != null;
            boolean dead = failed && properties.maxAttempts() <= 1;
            Instant next = failed ? Instant.now().plus(properties.backoff(1)) : Instant.now();
            String reason = !failed ? null : p.error().length() > 500 ? p.error().substring(0, 500) : p.error();
            rows.add(new Object[] {subscription, p.event().seq(), p.event().orderingKey(), dead ? "DEAD" : "WAITING", failed ? 1 : 0,
                    Timestamp.from(next), reason, failed && !dead});
        }
        transactions.executeWithoutResult(status -> jdbcTemplate.batchUpdate("""
                INSERT INTO lgsp_pubsub_delivery (subscription_id, event_seq, ordering_key, state, attempts, next_attempt_at,
                                                  enqueued_at, last_error, blocking)
                VALUES (?, ?, ?, ?, ?, ?, now(), ?, ?)
                ON CONFLICT (subscription_id, event_seq) DO NOTHING""", rows));
    }

    /** Kafka backend: an event its consumer gave up on is kept here as a dead letter. */
    void deadLetter(UUID subscription, long seq, String orderingKey, int attempts, String error) {
        jdbc.sql("""
                INSERT INTO lgsp_pubsub_delivery (subscription_id, event_seq, ordering_key, state, attempts, next_attempt_at,
                                                  enqueued_at, last_error)
                VALUES (?, ?, ?, 'DEAD', ?, now(), now(), ?)
                ON CONFLICT (subscription_id, event_seq) DO UPDATE SET state = 'DEAD', blocking = false, attempts = excluded.attempts,
                    last_error = excluded.last_error""")
                .params(subscription, seq, orderingKey, attempts, error).update();
    }

    List<DeadLetter> deadLetters(UUID subscription, int limit) {
        return jdbc.sql("""
                SELECT d.subscription_id, e.id, t.member || '/' || t.subsystem || '/' || t.code || '/' || t.version,
                       e.idempotency_key, e.ordering_key, e.published_at, d.attempts, d.last_error
                FROM lgsp_pubsub_delivery d
                JOIN lgsp_pubsub_event e ON e.seq = d.event_seq
                JOIN lgsp_pubsub_event_type t ON t.id = e.event_type_id
                WHERE d.state = 'DEAD' AND (CAST(:s AS uuid) IS NULL OR d.subscription_id = CAST(:s AS uuid))
                ORDER BY d.event_seq LIMIT :limit""")
                .param("s", subscription).param("limit", limit)
                .query((rs, n) -> new DeadLetter(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getString(8)))
                .list();
    }

    /** Dead letters go back to the queue with fresh attempts; returns how many. */
    int replay(UUID subscription, Collection<UUID> eventIds) {
        return deadLetterUpdate("""
                UPDATE lgsp_pubsub_delivery d SET state = 'WAITING', attempts = 0, blocking = false, next_attempt_at = now(), last_error = NULL
                FROM lgsp_pubsub_event e
                WHERE d.subscription_id = ? AND d.event_seq = e.seq AND e.id = ANY (?) AND d.state = 'DEAD'""", subscription, eventIds);
    }

    int discard(UUID subscription, Collection<UUID> eventIds) {
        return deadLetterUpdate("""
                DELETE FROM lgsp_pubsub_delivery d USING lgsp_pubsub_event e
                WHERE d.subscription_id = ? AND d.event_seq = e.seq AND e.id = ANY (?) AND d.state = 'DEAD'""", subscription, eventIds);
    }

    private int deadLetterUpdate(String sql, UUID subscription, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        UUID[] ids = eventIds.toArray(UUID[]::new);
        return jdbcTemplate.update(c -> {
            var statement = c.prepareStatement(sql);
            statement.setObject(1, subscription);
            statement.setArray(2, c.createArrayOf("uuid", ids));
            return statement;
        });
    }

    /** A revoked subscription's queue is emptied (its dead letters too). */
    void drop(UUID subscription) {
        jdbc.sql("DELETE FROM lgsp_pubsub_delivery WHERE subscription_id = ?").param(subscription).update();
    }

    /** Push subscriptions, active, with an event due now. */
    List<UUID> pushSubscriptionsWithWork() {
        return jdbc.sql("""
                SELECT s.id FROM lgsp_pubsub_subscription s
                WHERE s.state = 'ACTIVE' AND s.mode = 'PUSH' AND EXISTS (
                    SELECT 1 FROM lgsp_pubsub_delivery d
                    WHERE d.subscription_id = s.id AND d.state = 'WAITING' AND d.next_attempt_at <= now())""")
                .query(UUID.class).list();
    }

    record QueueStats(UUID subscription, String eventType, long waiting, double oldestSeconds, long dead) {
    }

    List<QueueStats> stats() {
        return jdbc.sql("""
                SELECT s.id, t.member || '/' || t.subsystem || '/' || t.code || '/' || t.version,
                       count(d.event_seq) FILTER (WHERE d.state <> 'DEAD'),
                       COALESCE(EXTRACT(EPOCH FROM now() - min(d.enqueued_at) FILTER (WHERE d.state <> 'DEAD')), 0),
                       count(d.event_seq) FILTER (WHERE d.state = 'DEAD')
                FROM lgsp_pubsub_subscription s
                JOIN lgsp_pubsub_event_type t ON t.id = s.event_type_id
                LEFT JOIN lgsp_pubsub_delivery d ON d.subscription_id = s.id
                WHERE s.state NOT IN ('REVOKED', 'REFUSED')
                GROUP BY s.id, t.member, t.subsystem, t.code, t.version""")
                .query((rs, n) -> new QueueStats(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getDouble(4),
                        rs.getLong(5))).list();
    }
}
