package vn.gov.egov.lgsp.pubsub;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The events table: every event once per (type, idempotency key); a repeated key answers with the first event. */
@Component
class EventOutbox {

    /** Stored events of one publish: in the publisher's order, and the sequence numbers of the new ones. */
    record Stored(List<PubSubBackend.Accepted> accepted, long[] newSeqs) {
    }

    private final JdbcTemplate jdbc;

    EventOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts what is new (one statement for the batch); {@code relayed}: the event needs no relay (PostgreSQL backend). */
    Stored store(EventType type, String publisher, List<NewEvent> events, boolean relayed) {
        Map<String, NewEvent> distinct = new LinkedHashMap<>();
        for (NewEvent e : events) {
            distinct.putIfAbsent(e.idempotencyKey(), e);
        }
        int n = distinct.size();
        UUID[] ids = new UUID[n];
        String[] keys = new String[n];
        String[] orderingKeys = new String[n];
        String[] payloads = new String[n];
        int i = 0;
        for (NewEvent e : distinct.values()) {
            ids[i] = UUID.randomUUID();
            keys[i] = e.idempotencyKey();
            orderingKeys[i] = e.orderingKey();
            payloads[i] = e.data();
            i++;
        }
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, long[]> inserted = new HashMap<>();
        Map<String, UUID> insertedIds = new HashMap<>();
        jdbc.query(c -> {
            var insert = c.prepareStatement("""
                    INSERT INTO lgsp_pubsub_event (id, event_type_id, idempotency_key, ordering_key, payload, published_at, publisher, relayed_at)
                    SELECT u.id, ?, u.key, u.ordering_key, u.payload, ?, ?, ?
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(id, key, ordering_key, payload, n)
                    ORDER BY u.n
                    ON CONFLICT (event_type_id, idempotency_key) DO NOTHING
                    RETURNING seq, id, idempotency_key""");
            insert.setObject(1, type.id());
            insert.setTimestamp(2, now);
            insert.setString(3, publisher);
            insert.setTimestamp(4, relayed ? now : null);
            insert.setArray(5, c.createArrayOf("uuid", ids));
            insert.setArray(6, c.createArrayOf("text", keys));
            insert.setArray(7, c.createArrayOf("text", orderingKeys));
            insert.setArray(8, c.createArrayOf("text", payloads));
            return insert;
        }, rs -> {
            inserted.put(rs.getString(3), new long[] {rs.getLong(1)});
            insertedIds.put(rs.getString(3), rs.getObject(2, UUID.class));
        });
        Map<String, UUID> earlier = new HashMap<>();
        if (inserted.size() < n) {
            String[] missing = distinct.keySet().stream().filter(k -> !inserted.containsKey(k)).toArray(String[]::new);
            jdbc.query(c -> {
                var select = c.prepareStatement("SELECT idempotency_key, id FROM lgsp_pubsub_event WHERE event_type_id = ? AND idempotency_key = ANY (?)");
                select.setObject(1, type.id());
                select.setArray(2, c.createArrayOf("text", missing));
                return select;
            }, rs -> {
                earlier.put(rs.getString(1), rs.getObject(2, UUID.class));
            });
        }
        List<PubSubBackend.Accepted> accepted = new ArrayList<>(events.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NewEvent e : events) {
            UUID fresh = insertedIds.get(e.idempotencyKey());
            boolean first = seen.add(e.idempotencyKey());
            if (fresh != null) {
                accepted.add(new PubSubBackend.Accepted(fresh, e.idempotencyKey(), !first));
            } else {
                accepted.add(new PubSubBackend.Accepted(earlier.get(e.idempotencyKey()), e.idempotencyKey(), true));
            }
        }
        long[] seqs = inserted.values().stream().mapToLong(v -> v[0]).sorted().toArray();
        return new Stored(accepted, seqs);
    }
}
