package vn.gov.egov.audit;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit tables. Entries are only ever inserted here; deletion is the retention purge's, below a checkpoint. */
@Repository
class AuditStore {

    record Head(long sequence, String hash) {
    }

    record Checkpoint(long sequence, String hash, Instant cutoff) {
    }

    record Pending(long id, EntryContent content) {
    }

    /** A stored entry, or why a row could not be read as one (it was altered beyond the canonical form). */
    record StoredRow(long sequence, AuditEntry entry, String previousHash, String hash, String unreadable) {
    }

    static final int FETCH_SIZE = 1000;

    private static final String CONTENT = "at, actor_id, actor_name, actor_roles, actor_agency, action, object_type, object_id,"
            + " changed_fields::text AS changed_fields, outcome, source_ip, user_agent, request_id, details::text AS details";
    private static final String ENTRY = "sequence_number, " + CONTENT + ", previous_hash, hash";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertPending(EntryContent c) {
        jdbc.sql("""
                        INSERT INTO audit_pending (at, actor_id, actor_name, actor_roles, actor_agency, action, object_type,
                          object_id, changed_fields, outcome, source_ip, user_agent, request_id, details)
                        VALUES (:at, :actorId, :actorName, string_to_array(:roles, chr(31)), :agency, :action, :objectType,
                          :objectId, CAST(:changed AS jsonb), :outcome, :sourceIp, :userAgent, :requestId, CAST(:details AS jsonb))""")
                .param("at", OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC))
                .param("actorId", c.actorId())
                .param("actorName", c.actorName())
                .param("roles", String.join("\u001f", c.actorRoles()))
                .param("agency", c.actorAgency())
                .param("action", c.action())
                .param("objectType", c.objectType())
                .param("objectId", c.objectId())
                .param("changed", CanonicalJson.changedFields(c.changedFields()))
                .param("outcome", c.outcome().name())
                .param("sourceIp", c.sourceIp())
                .param("userAgent", c.userAgent())
                .param("requestId", c.requestId())
                .param("details", CanonicalJson.object(c.details()))
                .update();
    }

    /** The oldest pending records, locked until the sealing transaction ends. */
    List<Pending> lockPending(int limit) {
        return jdbc.sql("SELECT id, " + CONTENT + " FROM audit_pending ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("limit", limit)
                .query((rs, n) -> new Pending(rs.getLong("id"), content(rs)))
                .list();
    }

    long countPending() {
        return jdbc.sql("SELECT count(*) FROM audit_pending").query(Long.class).single();
    }

    void deletePending(List<Long> ids) {
        jdbc.sql("DELETE FROM audit_pending WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new)).update();
    }

    /** The chain's head, locked: whoever holds it is the only one appending, on any node. */
    Head lockHead() {
        return jdbc.sql("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    Head head() {
        return jdbc.sql("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    void moveHead(Head head) {
        jdbc.sql("UPDATE audit_chain_head SET last_sequence = :sequence, last_hash = :hash WHERE id = 1")
                .param("sequence", head.sequence()).param("hash", head.hash()).update();
    }

    void insertEntries(List<AuditEntry> entries) {
        template.batchUpdate("""
                INSERT INTO audit_entry (sequence_number, at, actor_id, actor_name, actor_roles, actor_agency, action,
                  object_type, object_id, changed_fields, outcome, source_ip, user_agent, request_id, details,
                  previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""", entries, 500,
                (PreparedStatement ps, AuditEntry e) -> {
                    EntryContent c = e.content();
                    ps.setLong(1, e.sequence());
                    ps.setObject(2, OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC));
                    ps.setString(3, c.actorId());
                    ps.setString(4, c.actorName());
                    ps.setArray(5, ps.getConnection().createArrayOf("text", c.actorRoles().toArray()));
                    ps.setString(6, c.actorAgency());
                    ps.setString(7, c.action());
                    ps.setString(8, c.objectType());
                    ps.setString(9, c.objectId());
                    ps.setString(10, CanonicalJson.changedFields(c.changedFields()));
                    ps.setString(11, c.outcome().name());
                    ps.setString(12, c.sourceIp());
                    ps.setString(13, c.userAgent());
                    ps.setString(14, c.requestId());
                    ps.setString(15, CanonicalJson.object(c.details()));
                    ps.setString(16, e.previousHash());
                    ps.setString(17, e.hash());
                });
    }

    Optional<Checkpoint> latestCheckpoint() {
        return jdbc.sql("SELECT sequence_number, hash, cutoff FROM audit_checkpoint ORDER BY sequence_number DESC LIMIT 1")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), instant(rs, "cutoff")))
                .optional();
    }

    void insertCheckpoint(Checkpoint checkpoint) {
        jdbc.sql("INSERT INTO audit_checkpoint (sequence_number, hash, cutoff) VALUES (:sequence, :hash, :cutoff)")
                .param("sequence", checkpoint.sequence())
                .param("hash", checkpoint.hash())
                .param("cutoff", OffsetDateTime.ofInstant(checkpoint.cutoff(), ZoneOffset.UTC))
                .update();
    }

    Optional<String> hashOf(long sequence) {
        return jdbc.sql("SELECT hash FROM audit_entry WHERE sequence_number = :sequence")
                .param("sequence", sequence).query(String.class).optional();
    }

    /** The highest sequence number N such that every entry up to N is older than {@code cutoff}. */
    long lastSequenceBefore(Instant cutoff, long head) {
        // walks the chain from its start, so it reads about as many rows as there are to purge
        Long firstKept = jdbc.sql("SELECT sequence_number FROM audit_entry WHERE at >= :cutoff ORDER BY sequence_number LIMIT 1")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .query(Long.class).optional().orElse(null);
        return firstKept == null ? head : firstKept - 1;
    }

    /** Deletes up to {@code batch} entries numbered {@code upTo} or lower; the trigger checks the checkpoint. */
    int purgeBatch(long upTo, int batch) {
        jdbc.sql("SELECT set_config('egov.audit_purge', 'on', true)").query(String.class).single();
        int deleted = jdbc.sql("""
                        DELETE FROM audit_entry WHERE sequence_number IN (
                          SELECT sequence_number FROM audit_entry WHERE sequence_number <= :upTo
                          ORDER BY sequence_number LIMIT :batch)""")
                .param("upTo", upTo).param("batch", batch).update();
        jdbc.sql("SELECT set_config('egov.audit_purge', 'off', true)").query(String.class).single();
        return deleted;
    }

    /** Streams entries {@code after} < sequence ≤ {@code upTo} in order, reading {@link #FETCH_SIZE} rows at a time. */
    void stream(long after, long upTo, Consumer<StoredRow> consumer) {
        jdbc.sql("SELECT " + ENTRY + " FROM audit_entry WHERE sequence_number > :after AND sequence_number <= :upTo"
                        + " ORDER BY sequence_number")
                .withFetchSize(FETCH_SIZE)
                .param("after", after).param("upTo", upTo)
                .query((ResultSet rs) -> consumer.accept(storedRow(rs)));
    }

    /** Entries in a period (or after a sequence number), in chain order. */
    void streamPeriod(Instant from, Instant to, long afterSequence, Consumer<AuditEntry> consumer) {
        jdbc.sql("SELECT " + ENTRY + " FROM audit_entry WHERE sequence_number > :after"
                        + (from != null ? " AND at >= :from" : "") + (to != null ? " AND at < :to" : "")
                        + " ORDER BY sequence_number")
                .withFetchSize(FETCH_SIZE)
                .params(periodParams(from, to, afterSequence))
                .query((ResultSet rs) -> {
                    StoredRow row = storedRow(rs);
                    if (row.entry() != null) {
                        consumer.accept(row.entry());
                    }
                });
    }

    List<AuditEntry> after(long sequence, int limit) {
        List<AuditEntry> entries = new ArrayList<>();
        jdbc.sql("SELECT " + ENTRY + " FROM audit_entry WHERE sequence_number > :after ORDER BY sequence_number LIMIT :limit")
                .param("after", sequence).param("limit", limit)
                .query((ResultSet rs) -> {
                    StoredRow row = storedRow(rs);
                    if (row.entry() != null) {
                        entries.add(row.entry());
                    }
                });
        return entries;
    }

    record Found(long total, List<AuditEntry> items) {
    }

    Found search(AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new TreeMap<>(periodParams(q.from(), q.to(), 0));
        if (q.from() != null) {
            where.append(" AND at >= :from");
        }
        if (q.to() != null) {
            where.append(" AND at < :to");
        }
        filter(where, params, "actor_id", "actor", q.actor());
        filter(where, params, "action", "action", q.action());
        filter(where, params, "object_type", "objectType", q.objectType());
        filter(where, params, "object_id", "objectId", q.objectId());
        filter(where, params, "outcome", "outcome", q.outcome() == null ? null : q.outcome().name());
        params.remove("after");
        long total = jdbc.sql("SELECT count(*) FROM audit_entry" + where).params(params).query(Long.class).single();
        List<AuditEntry> items = new ArrayList<>();
        jdbc.sql("SELECT " + ENTRY + " FROM audit_entry" + where
                        + " ORDER BY sequence_number DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", q.size())
                .param("offset", (long) q.page() * q.size())
                .query((ResultSet rs) -> {
                    StoredRow row = storedRow(rs);
                    if (row.entry() != null) {
                        items.add(row.entry());
                    }
                });
        return new Found(total, items);
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value.trim());
        }
    }

    private static Map<String, Object> periodParams(Instant from, Instant to, long after) {
        Map<String, Object> params = new TreeMap<>();
        params.put("after", after);
        if (from != null) {
            params.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            params.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        return params;
    }

    long shippedUpTo(String cursor) {
        return jdbc.sql("SELECT last_sequence FROM audit_shipping_cursor WHERE name = :name")
                .param("name", cursor).query(Long.class).optional().orElse(0L);
    }

    /** Locks the cursor for this shipping round; empty when another node is shipping right now. */
    Optional<Long> lockCursor(String cursor) {
        jdbc.sql("INSERT INTO audit_shipping_cursor (name, last_sequence, updated_at) VALUES (:name, 0, now())"
                + " ON CONFLICT (name) DO NOTHING").param("name", cursor).update();
        return jdbc.sql("SELECT last_sequence FROM audit_shipping_cursor WHERE name = :name FOR UPDATE SKIP LOCKED")
                .param("name", cursor).query(Long.class).optional();
    }

    void moveCursor(String cursor, long sequence) {
        jdbc.sql("UPDATE audit_shipping_cursor SET last_sequence = :sequence, updated_at = now() WHERE name = :name")
                .param("name", cursor).param("sequence", sequence).update();
    }

    private static StoredRow storedRow(ResultSet rs) throws SQLException {
        long sequence = rs.getLong("sequence_number");
        String previousHash = rs.getString("previous_hash");
        String hash = rs.getString("hash");
        try {
            EntryContent content = content(rs);
            return new StoredRow(sequence, new AuditEntry(sequence, content, previousHash, hash), previousHash, hash, null);
        } catch (RuntimeException e) {
            return new StoredRow(sequence, null, previousHash, hash, e.getMessage());
        }
    }

    private static EntryContent content(ResultSet rs) throws SQLException {
        Array roles = rs.getArray("actor_roles");
        List<String> roleList = roles == null ? List.of() : Arrays.asList((String[]) roles.getArray());
        return new EntryContent(instant(rs, "at"), rs.getString("actor_id"), rs.getString("actor_name"), roleList,
                rs.getString("actor_agency"), rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                changedFields(rs.getString("changed_fields")), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("source_ip"), rs.getString("user_agent"), rs.getString("request_id"),
                details(rs.getString("details")));
    }

    /**
     * Reads the stored JSON back as it was written. Anything outside the written shape (a number, a nested object)
     * is kept as its JSON text, so that it can never hash like the original.
     */
    private static Map<String, ChangedValue> changedFields(String json) {
        Map<String, ChangedValue> fields = new TreeMap<>();
        object(json).forEachEntry((field, pair) -> fields.put(field, pair.isObject() && pair.size() == 2
                ? new ChangedValue(text(pair.get("before")), text(pair.get("after")))
                : new ChangedValue(pair.toString(), "\u0000malformed")));
        return fields;
    }

    private static Map<String, String> details(String json) {
        Map<String, String> details = new TreeMap<>();
        object(json).forEachEntry((key, value) -> details.put(key, text(value)));
        return details;
    }

    private static JsonNode object(String json) {
        JsonNode node = JSON.readTree(json);
        if (!node.isObject()) {
            throw new IllegalStateException("expected a JSON object, found " + node.getNodeType());
        }
        return node;
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return "\u0000missing";
        }
        if (node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
