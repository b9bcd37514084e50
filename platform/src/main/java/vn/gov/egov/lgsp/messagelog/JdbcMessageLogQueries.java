package vn.gov.egov.lgsp.messagelog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link MessageLogQueries} and {@link CallStatistics} over the message log's tables. */
class JdbcMessageLogQueries implements MessageLogQueries, CallStatistics {

    static final int MAX_PAGE = 500;

    private final MessageLogStore store;
    private final MessageLogWriter writer;
    private final ChainVerifier verifier;
    private final Clock clock;

    JdbcMessageLogQueries(MessageLogStore store, MessageLogWriter writer, ChainVerifier verifier, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public List<LogRecord> byRequestId(String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return List.of();
        }
        return store.jdbc().query("SELECT " + MessageLogStore.COLUMNS + " FROM lgsp_log_record WHERE request_id = ?"
                + " ORDER BY at, node_id, sequence", (rs, n) -> MessageLogStore.record(MessageLogStore.row(rs)), requestId);
    }

    @Override
    public Optional<LogRecord> record(String nodeId, long sequence) {
        return store.jdbc().query("SELECT " + MessageLogStore.COLUMNS + " FROM lgsp_log_record WHERE node_id = ?"
                        + " AND sequence = ?", (rs, n) -> MessageLogStore.record(MessageLogStore.row(rs)), nodeId, sequence)
                .stream().findFirst();
    }

    @Override
    public LogPage search(LogSearch search, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE));
        int pageNumber = Math.max(0, page);
        StringBuilder sql = new StringBuilder("SELECT " + MessageLogStore.COLUMNS + " FROM lgsp_log_record WHERE true");
        List<Object> args = new ArrayList<>();
        LogSearch s = search == null ? LogSearch.all() : search;
        if (present(s.requestId())) {
            sql.append(" AND request_id = ?");
            args.add(s.requestId().strip());
        }
        if (present(s.consumer())) {
            sql.append(" AND consumer = ?");
            args.add(s.consumer().strip());
        }
        if (present(s.service())) {
            String service = s.service().strip();
            if (service.endsWith("/")) {
                sql.append(" AND starts_with(service, ?)");
            } else {
                sql.append(" AND service = ?");
            }
            args.add(service);
        }
        if (present(s.kind())) {
            sql.append(" AND kind = ?");
            args.add(s.kind().strip());
        }
        if (s.from() != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(s.from()));
        }
        if (s.to() != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(s.to()));
        }
        if (s.status() != null) {
            sql.append(" AND status = ?");
            args.add(s.status());
        }
        if (present(s.errorClass())) {
            String errorClass = s.errorClass().strip();
            if (errorClass.equals("ok")) {
                sql.append(" AND error_class IS NULL AND NOT purged");
            } else if (errorClass.endsWith(".")) {
                sql.append(" AND starts_with(error_class, ?)");
                args.add(errorClass);
            } else {
                sql.append(" AND error_class = ?");
                args.add(errorClass);
            }
        }
        sql.append(" ORDER BY at DESC, node_id, sequence DESC LIMIT ? OFFSET ?");
        args.add(pageSize + 1);
        args.add((long) pageNumber * pageSize);
        List<LogRecord> found = store.jdbc().query(sql.toString(),
                (rs, n) -> MessageLogStore.record(MessageLogStore.row(rs)), args.toArray());
        boolean more = found.size() > pageSize;
        return new LogPage(more ? List.copyOf(found.subList(0, pageSize)) : found, pageNumber, pageSize, more);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public Optional<LogBodies> bodies(String nodeId, long sequence) {
        return store.jdbc().query("SELECT request_body, response_body FROM lgsp_log_record WHERE node_id = ?"
                        + " AND sequence = ?", (rs, n) -> new LogBodies(
                        store.open(MessageLogStore.REQUEST_BODY, rs.getString(1)),
                        store.open(MessageLogStore.RESPONSE_BODY, rs.getString(2))), nodeId, sequence)
                .stream().findFirst();
    }

    @Override
    public boolean flush(Duration timeout) {
        return writer.flush(timeout);
    }

    @Override
    public ChainCheck verify(Instant from, Instant to) {
        return verifier.verify(from, to);
    }

    // ---- statistics ----------------------------------------------------------------------------------------

    private static final String FIGURES = "SELECT %s AS key, count(*) AS calls,"
            + " count(*) FILTER (WHERE starts_with(error_class, 'gateway.')) AS gateway_errors,"
            + " count(*) FILTER (WHERE starts_with(error_class, 'provider.')) AS provider_errors,"
            + " percentile_disc(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY total_micros) AS total_p,"
            + " percentile_disc(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY provider_micros)"
            + "   FILTER (WHERE provider_micros > 0) AS provider_p,"
            + " coalesce(sum(request_bytes), 0) AS request_bytes, coalesce(sum(response_bytes), 0) AS response_bytes"
            + " FROM lgsp_log_record WHERE at >= ? AND kind = 'CALL' AND NOT purged"
            + " GROUP BY %s ORDER BY calls DESC, key";

    @Override
    public List<CallFigures> byService(Duration window) {
        return figures("service", window);
    }

    @Override
    public List<CallFigures> byConsumer(Duration window) {
        return figures("consumer", window);
    }

    private List<CallFigures> figures(String column, Duration window) {
        Timestamp since = Timestamp.from(clock.instant().minus(window));
        return store.jdbc().query(FIGURES.formatted(column, column), (rs, n) -> {
            long[] total = percentiles(rs.getArray("total_p"));
            long[] provider = percentiles(rs.getArray("provider_p"));
            return new CallFigures(rs.getString("key"), rs.getLong("calls"), rs.getLong("gateway_errors"),
                    rs.getLong("provider_errors"), total[0], total[1], total[2], provider[0], provider[1], provider[2],
                    rs.getLong("request_bytes"), rs.getLong("response_bytes"));
        }, since);
    }

    private static long[] percentiles(java.sql.Array array) throws java.sql.SQLException {
        long[] values = new long[3];
        if (array == null) {
            return values;
        }
        Object[] elements = (Object[]) array.getArray();
        for (int i = 0; i < values.length && i < elements.length; i++) {
            values[i] = elements[i] == null ? 0 : ((Number) elements[i]).longValue();
        }
        return values;
    }
}
