package vn.gov.egov.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read model in PostgreSQL: one row per dossier, and the daily and monthly rollups. */
@Repository
class StatisticsStore {

    /** Where a dossier is counted: its agency, procedure, field and level as first recorded. */
    record Key(String agency, String procedureCode, String fieldCode, String level) {
    }

    private final JdbcClient jdbc;

    StatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- writing, in the listener's transaction -------------------------------------------------------------------

    /**
     * The dossier's row, made when it is missing, and its grouping key: one statement whether the row is new or was
     * there before. A row another transaction inserts while this statement runs is waited for and then read again.
     */
    Key ensure(UUID id, String code, String agency, String procedureCode, String fieldCode, String level, String channel) {
        return jdbc.sql("""
                        with made as (
                            insert into statistics_dossier (dossier_id, code, agency, procedure_code, field_code, level, channel)
                            values (:id, :code, :agency, :procedure, :field, :level, :channel) on conflict (dossier_id) do nothing
                            returning agency, procedure_code, field_code, level)
                        select agency, procedure_code, field_code, level from made
                        union all
                        select agency, procedure_code, field_code, level from statistics_dossier
                        where dossier_id = :id and not exists (select 1 from made)""")
                .param("id", id).param("code", code).param("agency", agency).param("procedure", procedureCode)
                .param("field", fieldCode).param("level", level).param("channel", channel)
                .query(StatisticsStore::key).optional()
                .or(() -> key(id)).orElseThrow();
    }

    Optional<Key> key(UUID id) {
        return jdbc.sql("select agency, procedure_code, field_code, level from statistics_dossier where dossier_id = ?").param(id)
                .query(StatisticsStore::key).optional();
    }

    private static Key key(ResultSet rs, int row) throws SQLException {
        return new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    /** A {@code null} name keeps the one known (a rating does not carry it). */
    void rememberProcedure(String code, String name, String fieldCode, String level) {
        jdbc.sql("""
                        insert into statistics_procedure (code, name, field_code, level) values (:code, coalesce(:name, :code), :field, :level)
                        on conflict (code) do update set name = coalesce(:name, statistics_procedure.name), field_code = excluded.field_code,
                               level = excluded.level""")
                .param("code", code).param("name", name).param("field", fieldCode).param("level", level).update();
    }

    /** The latest move sets the status and the due time; an older one arriving late changes neither. */
    void moved(UUID id, String channel, String status, Instant at, Instant dueAt) {
        jdbc.sql("""
                        update statistics_dossier set channel = coalesce(channel, :channel),
                               status = case when status_at is null or status_at <= :at then :status else status end,
                               due_at = case when :due::timestamptz is not null and (status_at is null or status_at <= :at) then :due
                                             else due_at end,
                               status_at = greatest(status_at, :at)
                        where dossier_id = :id""")
                .param("id", id).param("channel", channel).param("status", status).param("at", ts(at)).param("due", ts(dueAt)).update();
    }

    /**
     * A submission in one statement: the dossier's row made with its submission time and status, or, when a later move
     * was recorded first or the event comes again, the submission time set once and the status moved only if this is
     * the latest (as {@link #ensure}, {@link #once} and {@link #moved} together).
     */
    void submitted(UUID id, String code, String agency, String procedureCode, String fieldCode, String level, String channel,
                   String status, Instant at, Instant dueAt) {
        jdbc.sql("""
                        insert into statistics_dossier as d (dossier_id, code, agency, procedure_code, field_code, level, channel,
                                                             submitted_at, status, status_at, due_at)
                        values (:id, :code, :agency, :procedure, :field, :level, :channel, :at, :status, :at, :due)
                        on conflict (dossier_id) do update set
                               submitted_at = coalesce(d.submitted_at, excluded.submitted_at),
                               channel = coalesce(d.channel, excluded.channel),
                               status = case when d.status_at is null or d.status_at <= excluded.status_at then excluded.status
                                             else d.status end,
                               due_at = case when excluded.due_at is not null and (d.status_at is null or d.status_at <= excluded.status_at)
                                             then excluded.due_at else d.due_at end,
                               status_at = greatest(d.status_at, excluded.status_at)""")
                .param("id", id).param("code", code).param("agency", agency).param("procedure", procedureCode)
                .param("field", fieldCode).param("level", level).param("channel", channel).param("status", status)
                .param("at", ts(at)).param("due", ts(dueAt)).update();
    }

    boolean received(UUID id, Instant at, Instant provisionalDue, boolean digitized, Boolean feeRequired) {
        boolean first = once(id, "received_at", at, Map.of("digitized", digitized));
        if (first) {
            jdbc.sql("update statistics_dossier set fee_required = :fee, due_at = coalesce(due_at, :due) where dossier_id = :id")
                    .param("id", id).param("fee", feeRequired).param("due", ts(provisionalDue)).update();
        }
        return first;
    }

    boolean refused(UUID id, Instant at) {
        return once(id, "refused_at", at, Map.of());
    }

    boolean withdrawn(UUID id, Instant at) {
        return once(id, "withdrawn_at", at, Map.of());
    }

    boolean returned(UUID id, Instant at) {
        return once(id, "returned_at", at, Map.of());
    }

    boolean rescheduled(UUID id, Instant at) {
        jdbc.sql("update statistics_dossier set late = true where dossier_id = ?").param(id).update();
        return jdbc.sql("""
                        update statistics_dossier set rescheduled_at = :at
                        where dossier_id = :id and (rescheduled_at is null or rescheduled_at > :at)""")
                .param("id", id).param("at", ts(at)).update() == 1;
    }

    boolean resolved(UUID id, Instant at, Instant dueAt, String outcome, String resolution, boolean late) {
        return jdbc.sql("""
                        update statistics_dossier set resolved_at = :at, resolved_due_at = :due, outcome = :outcome,
                               resolution = :resolution, late = late or :late
                        where dossier_id = :id and resolved_at is null""")
                .param("id", id).param("at", ts(at)).param("due", ts(dueAt)).param("outcome", outcome)
                .param("resolution", resolution).param("late", late).update() == 1;
    }

    boolean supplementRequested(UUID id, Instant at) {
        return jdbc.sql("""
                        update statistics_dossier set supplement_requests = supplement_requests + 1,
                               supplement_requested_at = array_append(supplement_requested_at, :at)
                        where dossier_id = :id and not (:at = any(supplement_requested_at))""")
                .param("id", id).param("at", ts(at)).update() == 1;
    }

    boolean rated(UUID id, int rating, Instant at) {
        return jdbc.sql("update statistics_dossier set rating = :rating, rated_at = :at where dossier_id = :id and rated_at is null")
                .param("id", id).param("rating", rating).param("at", ts(at)).update() == 1;
    }

    boolean paid(UUID id, boolean online, Instant at) {
        return jdbc.sql("""
                        update statistics_dossier set paid_online = :online, paid_at = :at, fee_required = true
                        where dossier_id = :id and paid_at is null""")
                .param("id", id).param("online", online).param("at", ts(at)).update() == 1;
    }

    private boolean once(UUID id, String column, Instant at, Map<String, Object> also) {
        StringBuilder set = new StringBuilder(column + " = :at");
        also.keySet().forEach(c -> set.append(", ").append(c).append(" = :").append(c));
        var statement = jdbc.sql("update statistics_dossier set " + set + " where dossier_id = :id and " + column + " is null")
                .param("id", id).param("at", ts(at));
        for (Map.Entry<String, Object> e : also.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        return statement.update() == 1;
    }

    /** Adds to the day's and the month's counters of the dossier's agency and procedure. */
    void count(Key key, LocalDate day, Map<Counter, Integer> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        String columns = deltas.keySet().stream().map(Counter::column).collect(Collectors.joining(", "));
        String values = deltas.keySet().stream().map(c -> ":" + c.column()).collect(Collectors.joining(", "));
        for (String table : List.of("statistics_day", "statistics_month")) {
            String dateColumn = table.equals("statistics_day") ? "day" : "month";
            String updates = deltas.keySet().stream().map(c -> c.column() + " = " + table + "." + c.column() + " + excluded." + c.column())
                    .collect(Collectors.joining(", "));
            var statement = jdbc.sql("insert into " + table + " (" + dateColumn + ", agency, procedure_code, field_code, level, " + columns
                            + ") values (:date, :agency, :procedure, :field, :level, " + values + ") on conflict (" + dateColumn
                            + ", agency, procedure_code, field_code, level) do update set " + updates)
                    .param("date", table.equals("statistics_day") ? day : day.withDayOfMonth(1))
                    .param("agency", key.agency()).param("procedure", key.procedureCode())
                    .param("field", key.fieldCode() == null ? "" : key.fieldCode()).param("level", key.level() == null ? "" : key.level());
            for (Map.Entry<Counter, Integer> d : deltas.entrySet()) {
                statement = statement.param(d.getKey().column(), d.getValue());
            }
            statement.update();
        }
    }

    // --- reading ----------------------------------------------------------------------------------------------------

    private static final String FLOW_SUMS = Arrays.stream(Counter.values()).map(c -> "sum(" + c.column() + ")")
            .collect(Collectors.joining(", "));
    private static final String FLOW_COLUMNS = Arrays.stream(Counter.values()).map(Counter::column).collect(Collectors.joining(", "));

    /**
     * What happened from {@code from} to {@code to} (days included) per group: whole months from the monthly rollup,
     * the days before the first and after the last whole month from the daily one.
     */
    Map<String, Tally> flows(Grouping grouping, LocalDate from, LocalDate to, Collection<String> agencies) {
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterMonths = to.plusDays(1).withDayOfMonth(1);
        String group = groupColumn(grouping);
        String scope = agencies == null ? "" : " and agency = any(:agencies)";
        String sql;
        if (firstMonth.isBefore(afterMonths)) {
            sql = "select " + group + " as grp, " + FLOW_SUMS + " from ("
                    + "select " + group + ", " + FLOW_COLUMNS + " from statistics_month where month >= :firstMonth and month < :afterMonths" + scope
                    + " union all select " + group + ", " + FLOW_COLUMNS + " from statistics_day where ((day >= :from and day < :firstMonth)"
                    + " or (day >= :afterMonths and day <= :to))" + scope + ") f group by " + group;
        } else {
            sql = "select " + group + " as grp, " + FLOW_SUMS + " from statistics_day where day >= :from and day <= :to" + scope
                    + " group by " + group;
        }
        var statement = jdbc.sql(sql).param("from", from).param("to", to);
        if (firstMonth.isBefore(afterMonths)) {
            statement = statement.param("firstMonth", firstMonth).param("afterMonths", afterMonths);
        }
        if (agencies != null) {
            statement = statement.param("agencies", agencies.toArray(String[]::new));
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        statement.query(rs -> {
            Tally t = tallies.computeIfAbsent(rs.getString("grp"), g -> new Tally());
            int i = 2;
            for (Counter c : Counter.values()) {
                t.add(c, rs.getLong(i++));
            }
        });
        return tallies;
    }

    /**
     * Carried over (open at {@code start}) and in progress, of which overdue, at {@code end}: read from the dossiers'
     * rows through the index of the intervals during which each was open. Overdue: see {@link Metric#OVERDUE}.
     */
    void stocks(Map<String, Tally> tallies, Grouping grouping, Instant start, Instant end, Instant asAt, Collection<String> agencies) {
        String group = groupColumn(grouping);
        var statement = jdbc.sql("select " + group + " as grp,"
                        + " count(*) filter (where received_at < :start and (resolved_at is null or resolved_at >= :start)) as carried,"
                        + " count(*) filter (where received_at < :end and (resolved_at is null or resolved_at >= :end)) as open,"
                        + " count(*) filter (where received_at < :end and (resolved_at is null or resolved_at >= :end)"
                        + "   and " + Metric.OVERDUE + ") as overdue"
                        + " from statistics_dossier d where received_at is not null"
                        + " and (tstzrange(received_at, resolved_at, '[)') @> :start::timestamptz"
                        + "   or tstzrange(received_at, resolved_at, '[)') @> :end::timestamptz)"
                        + (agencies == null ? "" : " and agency = any(:agencies)") + " group by " + group)
                .param("start", ts(start)).param("end", ts(end)).param("asAt", ts(asAt));
        if (agencies != null) {
            statement = statement.param("agencies", agencies.toArray(String[]::new));
        }
        statement.query(rs -> {
            Tally t = tallies.computeIfAbsent(rs.getString("grp"), g -> new Tally());
            t.carriedOver += rs.getLong("carried");
            t.inProgress += rs.getLong("open");
            t.overdue += rs.getLong("overdue");
        });
    }

    /** A dossier behind a number: no personal data. */
    record Listed(String code, String agency, String procedureCode, String procedureName, String channel, String status,
                  Instant receivedAt, Instant dueAt, Instant resolvedAt, String resolution, Instant returnedAt) {
    }

    record Page(long total, List<Listed> items) {
    }

    /** The dossiers behind one number of one group (or of all, {@code groupCode == null}). */
    Page dossiers(Grouping grouping, String groupCode, Metric metric, Instant start, Instant end, Instant asAt,
                  Collection<String> agencies, int limit) {
        String where = "d." + groupColumn(grouping) + " is not distinct from :group";
        if (groupCode == null) {
            where = "true";
        }
        String condition = where + " and (" + metric.condition() + ")" + (agencies == null ? "" : " and d.agency = any(:agencies)");
        var count = jdbc.sql("select count(*) from statistics_dossier d where " + condition);
        var list = jdbc.sql("""
                select d.code, d.agency, d.procedure_code, p.name, d.channel, d.status, d.received_at, d.due_at, d.resolved_at,
                       d.resolution, d.returned_at
                from statistics_dossier d left join statistics_procedure p on p.code = d.procedure_code
                where %s order by d.received_at nulls last, d.code limit :limit""".formatted(condition));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("start", ts(start));
        params.put("end", ts(end));
        params.put("asAt", ts(asAt));
        if (groupCode != null) {
            params.put("group", groupCode);
        }
        if (agencies != null) {
            params.put("agencies", agencies.toArray(String[]::new));
        }
        for (Map.Entry<String, Object> p : params.entrySet()) {
            if (condition.contains(":" + p.getKey())) {
                count = count.param(p.getKey(), p.getValue());
                list = list.param(p.getKey(), p.getValue());
            }
        }
        long total = count.query(Long.class).single();
        List<Listed> items = list.param("limit", limit).query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)))).list();
        return new Page(total, items);
    }

    /** Procedure names as last seen. */
    Map<String, String> procedureNames() {
        Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("select code, name from statistics_procedure").query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    private static String groupColumn(Grouping grouping) {
        return switch (grouping) {
            case AGENCY -> "agency";
            case FIELD -> "field_code";
            case PROCEDURE -> "procedure_code";
        };
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static Map<Counter, Integer> deltas() {
        return new EnumMap<>(Counter.class);
    }
}
