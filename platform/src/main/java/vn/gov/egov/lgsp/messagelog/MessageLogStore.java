package vn.gov.egov.lgsp.messagelog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.lgsp.registry.SecurityLevel;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * The message log's tables. {@link #append} is the writer's only database work: one transaction per batch that locks
 * the node's chain head, seals bodies, hashes each record after its predecessor, inserts the batch in one statement
 * ({@code INSERT ... SELECT FROM unnest(arrays)}) and moves the head.
 */
class MessageLogStore {

    static final String REQUEST_BODY = "lgsp.log.request_body";
    static final String RESPONSE_BODY = "lgsp.log.response_body";

    static final String COLUMNS = "node_id, sequence, request_id, at, kind, consumer, client_id, service, method, path,"
            + " status, error_class, request_bytes, response_bytes, total_micros, provider_micros, request_hash,"
            + " response_hash, security_level, request_body, response_body, previous_hash, hash, purged";

    private static final String INSERT = "INSERT INTO lgsp_log_record (node_id, sequence, request_id, at, kind,"
            + " consumer, client_id, service, method, path, status, error_class, request_bytes, response_bytes,"
            + " total_micros, provider_micros, request_hash, response_hash, security_level, request_body,"
            + " response_body, previous_hash, hash)"
            + " SELECT ?, s, rid, timestamptz 'epoch' + a * interval '1 microsecond', k, c, cid, svc, m, p, st, e,"
            + " rqb, rsb, tm, pm, rqh, rsh, lvl, rqbody, rsbody, ph, h"
            + " FROM unnest(?::int8[], ?::text[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::int4[], ?::text[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS t(s, rid, a, k, c, cid, svc, m, p, st, e, rqb, rsb, tm, pm, rqh, rsh, lvl, rqbody, rsbody, ph, h)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshot;
    private final PersonalDataProtection protection;

    MessageLogStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.protection = protection;
    }

    record Head(long sequence, String hash) {
    }

    record Anchor(long sequence, String hash, long headSequence, String headHash) {
    }

    /** Appends the calls to the node's chain in one transaction; returns the rows written. */
    List<LogRow> append(String nodeId, List<LoggedCall> calls) {
        return transactions.execute(status -> {
            Head head = lockHead(nodeId);
            List<LogRow> rows = new ArrayList<>(calls.size());
            long sequence = head.sequence();
            String previous = head.hash();
            for (LoggedCall call : calls) {
                LogRow row = toRow(nodeId, ++sequence, previous, call);
                rows.add(row);
                previous = row.hash();
            }
            insert(nodeId, rows);
            jdbc.update("UPDATE lgsp_log_chain SET head_sequence = ?, head_hash = ? WHERE node_id = ?",
                    sequence, previous, nodeId);
            return rows;
        });
    }

    private Head lockHead(String nodeId) {
        List<Head> heads = jdbc.query("SELECT head_sequence, head_hash FROM lgsp_log_chain WHERE node_id = ? FOR UPDATE",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2)), nodeId);
        if (!heads.isEmpty()) {
            return heads.get(0);
        }
        jdbc.update("INSERT INTO lgsp_log_chain (node_id, head_sequence, head_hash, anchor_sequence, anchor_hash)"
                + " VALUES (?, 0, ?, 0, ?) ON CONFLICT (node_id) DO NOTHING", nodeId, LogRow.GENESIS, LogRow.GENESIS);
        return jdbc.queryForObject("SELECT head_sequence, head_hash FROM lgsp_log_chain WHERE node_id = ? FOR UPDATE",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2)), nodeId);
    }

    private LogRow toRow(String nodeId, long sequence, String previous, LoggedCall c) {
        Instant at = c.at() == null ? Instant.now() : c.at();
        long atMicros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        SecurityLevel level = c.securityLevel() == null ? SecurityLevel.INTERNAL : c.securityLevel();
        LogRow unhashed = new LogRow(nodeId, sequence, c.requestId(), atMicros, c.kind() == null ? "CALL" : c.kind(),
                c.consumer(), c.clientId(), c.service(), c.method(), c.path(), c.status(), c.errorClass(),
                c.requestBytes(), c.responseBytes(), c.totalMicros(), c.providerMicros(), c.requestHash(),
                c.responseHash(), level.name(), seal(REQUEST_BODY, c.requestBody()),
                seal(RESPONSE_BODY, c.responseBody()), previous, null, false);
        return withHash(unhashed, RecordHash.of(unhashed));
    }

    private static LogRow withHash(LogRow r, String hash) {
        return new LogRow(r.nodeId(), r.sequence(), r.requestId(), r.atMicros(), r.kind(), r.consumer(), r.clientId(),
                r.service(), r.method(), r.path(), r.status(), r.errorClass(), r.requestBytes(), r.responseBytes(),
                r.totalMicros(), r.providerMicros(), r.requestHash(), r.responseHash(), r.securityLevel(),
                r.requestBody(), r.responseBody(), r.previousHash(), hash, r.purged());
    }

    private String seal(String purpose, byte[] body) {
        return body == null ? null : protection.seal(purpose, Base64.getEncoder().encodeToString(body));
    }

    byte[] open(String purpose, String sealed) {
        return sealed == null ? null : Base64.getDecoder().decode(protection.open(purpose, sealed));
    }

    private void insert(String nodeId, List<LogRow> rows) {
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            int n = rows.size();
            Long[] seq = new Long[n], at = new Long[n], rqb = new Long[n], rsb = new Long[n], tm = new Long[n],
                    pm = new Long[n];
            Integer[] st = new Integer[n];
            String[] rid = new String[n], k = new String[n], c = new String[n], cid = new String[n],
                    svc = new String[n], m = new String[n], p = new String[n], e = new String[n], rqh = new String[n],
                    rsh = new String[n], lvl = new String[n], rqbody = new String[n], rsbody = new String[n],
                    ph = new String[n], h = new String[n];
            for (int i = 0; i < n; i++) {
                LogRow r = rows.get(i);
                seq[i] = r.sequence();
                rid[i] = r.requestId();
                at[i] = r.atMicros();
                k[i] = r.kind();
                c[i] = r.consumer();
                cid[i] = r.clientId();
                svc[i] = r.service();
                m[i] = r.method();
                p[i] = r.path();
                st[i] = r.status();
                e[i] = r.errorClass();
                rqb[i] = r.requestBytes();
                rsb[i] = r.responseBytes();
                tm[i] = r.totalMicros();
                pm[i] = r.providerMicros();
                rqh[i] = r.requestHash();
                rsh[i] = r.responseHash();
                lvl[i] = r.securityLevel();
                rqbody[i] = r.requestBody();
                rsbody[i] = r.responseBody();
                ph[i] = r.previousHash();
                h[i] = r.hash();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int i = 1;
                insert.setString(i++, nodeId);
                insert.setArray(i++, connection.createArrayOf("int8", seq));
                insert.setArray(i++, text(connection, rid));
                insert.setArray(i++, connection.createArrayOf("int8", at));
                insert.setArray(i++, text(connection, k));
                insert.setArray(i++, text(connection, c));
                insert.setArray(i++, text(connection, cid));
                insert.setArray(i++, text(connection, svc));
                insert.setArray(i++, text(connection, m));
                insert.setArray(i++, text(connection, p));
                insert.setArray(i++, connection.createArrayOf("int4", st));
                insert.setArray(i++, text(connection, e));
                insert.setArray(i++, connection.createArrayOf("int8", rqb));
                insert.setArray(i++, connection.createArrayOf("int8", rsb));
                insert.setArray(i++, connection.createArrayOf("int8", tm));
                insert.setArray(i++, connection.createArrayOf("int8", pm));
                insert.setArray(i++, text(connection, rqh));
                insert.setArray(i++, text(connection, rsh));
                insert.setArray(i++, text(connection, lvl));
                insert.setArray(i++, text(connection, rqbody));
                insert.setArray(i++, text(connection, rsbody));
                insert.setArray(i++, text(connection, ph));
                insert.setArray(i, text(connection, h));
                return insert.executeUpdate();
            }
        });
    }

    private static Array text(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    // ---- reading -------------------------------------------------------------------------------------------

    static LogRow row(ResultSet rs) throws SQLException {
        Instant at = rs.getObject("at", java.time.OffsetDateTime.class).toInstant();
        return new LogRow(rs.getString("node_id"), rs.getLong("sequence"), rs.getString("request_id"),
                ChronoUnit.MICROS.between(Instant.EPOCH, at), rs.getString("kind"), rs.getString("consumer"),
                rs.getString("client_id"), rs.getString("service"), rs.getString("method"), rs.getString("path"),
                rs.getInt("status"), rs.getString("error_class"), rs.getLong("request_bytes"),
                rs.getLong("response_bytes"), rs.getLong("total_micros"), rs.getLong("provider_micros"),
                rs.getString("request_hash"), rs.getString("response_hash"), rs.getString("security_level"),
                rs.getString("request_body"), rs.getString("response_body"), rs.getString("previous_hash"),
                rs.getString("hash"), rs.getBoolean("purged"));
    }

    static LogRecord record(LogRow r) {
        return new LogRecord(r.nodeId(), r.sequence(), r.requestId(),
                Instant.EPOCH.plus(r.atMicros(), ChronoUnit.MICROS), r.kind(), r.consumer(), r.clientId(), r.service(),
                r.method(), r.path(), r.status(), r.errorClass(), r.requestBytes(), r.responseBytes(), r.totalMicros(),
                r.providerMicros(), r.requestHash(), r.responseHash(), SecurityLevel.valueOf(r.securityLevel()),
                r.requestBody() != null, r.responseBody() != null, r.purged(), r.hash());
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Runs the work in one read-only REPEATABLE READ transaction (a consistent view while writers go on). */
    <T> T inSnapshot(java.util.function.Supplier<T> work) {
        return snapshot.execute(status -> work.get());
    }

    /** Each node's anchor (last purged record) and head. */
    List<String> nodes() {
        return jdbc.queryForList("SELECT node_id FROM lgsp_log_chain ORDER BY node_id", String.class);
    }

    Anchor anchor(String nodeId) {
        return jdbc.queryForObject("SELECT anchor_sequence, anchor_hash, head_sequence, head_hash FROM lgsp_log_chain"
                        + " WHERE node_id = ?",
                (rs, n) -> new Anchor(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)), nodeId);
    }

    /** Streams the node's rows with sequence in [from, to], in order (call inside a transaction). */
    void stream(String nodeId, long from, long to, Consumer<LogRow> consumer) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM lgsp_log_record"
                    + " WHERE node_id = ? AND sequence BETWEEN ? AND ? ORDER BY sequence");
            statement.setFetchSize(1000);
            statement.setString(1, nodeId);
            statement.setLong(2, from);
            statement.setLong(3, to);
            return statement;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(row(rs)));
    }
}
