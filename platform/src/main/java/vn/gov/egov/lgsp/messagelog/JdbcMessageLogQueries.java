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
                sql.append(" AND error_class IS NULL");
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

    private static final String MINUTES = "SELECT %s AS key, calls, gateway_errors, provider_errors, request_bytes,"
            + " response_bytes, total_histogram, provider_histogram FROM lgsp_log_minute WHERE minute >= ?";

    @Override
    public List<CallFigures> byService(Duration window) {
        return figures("service", window);
    }

    @Override
    public List<CallFigures> byConsumer(Duration window) {
        return figures("consumer", window);
    }

    /** Sums the per-minute roll-up of the window's minutes (the current one included) per key. */
    private List<CallFigures> figures(String column, Duration window) {
        Instant since = clock.instant().minus(window).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.util.Map<String, long[]> sums = new java.util.HashMap<>();
        java.util.Map<String, long[]> totals = new java.util.HashMap<>();
        java.util.Map<String, long[]> providers = new java.util.HashMap<>();
        store.jdbc().query(MINUTES.formatted(column), rs -> {
            String key = rs.getString("key");
            long[] sum = sums.computeIfAbsent(key, k -> new long[5]);
            sum[0] += rs.getLong("calls");
            sum[1] += rs.getLong("gateway_errors");
            sum[2] += rs.getLong("provider_errors");
            sum[3] += rs.getLong("request_bytes");
            sum[4] += rs.getLong("response_bytes");
            add(totals.computeIfAbsent(key, k -> new long[LatencyHistogram.BUCKETS]), rs.getArray("total_histogram"));
            add(providers.computeIfAbsent(key, k -> new long[LatencyHistogram.BUCKETS]), rs.getArray("provider_histogram"));
        }, Timestamp.from(since));
        List<CallFigures> figures = new ArrayList<>();
        sums.forEach((key, sum) -> {
            long[] total = totals.get(key);
            long[] provider = providers.get(key);
            figures.add(new CallFigures(key.isEmpty() ? null : key, sum[0], sum[1], sum[2],
                    LatencyHistogram.quantile(total, 0.5), LatencyHistogram.quantile(total, 0.95),
                    LatencyHistogram.quantile(total, 0.99), LatencyHistogram.quantile(provider, 0.5),
                    LatencyHistogram.quantile(provider, 0.95), LatencyHistogram.quantile(provider, 0.99), sum[3], sum[4]));
        });
        figures.sort(java.util.Comparator.comparingLong(CallFigures::calls).reversed()
                .thenComparing(CallFigures::key, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return figures;
    }

    private static void add(long[] into, java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return;
        }
        Object[] elements = (Object[]) array.getArray();
        for (int i = 0; i < into.length && i < elements.length; i++) {
            into[i] += elements[i] == null ? 0 : ((Number) elements[i]).longValue();
        }
    }
}
