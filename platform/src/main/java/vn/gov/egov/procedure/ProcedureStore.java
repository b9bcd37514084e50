package vn.gov.egov.procedure;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.database.ReadMemory;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The procedure versions in PostgreSQL. */
@Repository
class ProcedureStore {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            code, sample_code, name, field_code, level, competent_agency, implementing_agencies, channels, online_level,
            documents::text as documents, processing_time, processing_time_unit, fees::text as fees, result_type,
            conditions, legal_basis, publishing_decision, valid_from, valid_to, demonstration, content_hash""";

    /** How long a procedure read stays in memory: another node's import is seen here within this time. */
    static final java.time.Duration KEEP = java.time.Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    /** Every submission reads its procedure: kept briefly, forgotten at once by this node's own writes. */
    private final ReadMemory<Key, Optional<Procedure>> recent = new ReadMemory<>(KEEP, 10_000);

    ProcedureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Key(String code, LocalDate asOf) {
    }

    record Stored(Procedure procedure, String contentHash) {
    }

    Optional<Procedure> find(String code, LocalDate asOf) {
        return recent.read(new Key(code, asOf), key -> read(key.code(), key.asOf()));
    }

    private void forget() {
        recent.forgetAll();
    }

    private Optional<Procedure> read(String code, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from procedure_version where code = :code and valid_from <= :asOf"
                        + " and (valid_to is null or valid_to > :asOf)")
                .param("code", code).param("asOf", asOf).query((rs, n) -> map(rs).procedure()).optional();
    }

    /** The latest version of a procedure (the one with the latest start), whatever its end. */
    Optional<Stored> latest(String code) {
        return jdbc.sql("select " + COLUMNS + " from procedure_version where code = :code order by valid_from desc limit 1")
                .param("code", code).query((rs, n) -> map(rs)).optional();
    }

    List<Procedure> versions(String code) {
        return jdbc.sql("select " + COLUMNS + " from procedure_version where code = :code order by valid_from")
                .param("code", code).query((rs, n) -> map(rs).procedure()).list();
    }

    long count() {
        return jdbc.sql("select count(*) from procedure_version").query(Long.class).single();
    }

    record Found(long total, List<Procedure> items) {
    }

    Found search(ProcedureQuery query) {
        StringBuilder where = new StringBuilder(" where valid_from <= :asOf and (valid_to is null or valid_to > :asOf)");
        List<String> words = FoldedText.words(query.text());
        for (int i = 0; i < words.size(); i++) {
            where.append(" and search_text like :w").append(i);
        }
        if (query.field() != null) {
            where.append(" and (field_code = :field or field_code like :fieldPrefix)");
        }
        if (query.agency() != null) {
            where.append(" and (competent_agency = :agency or :agency = any(implementing_agencies))");
        }
        if (query.level() != null) {
            where.append(" and level = :level");
        }
        if (query.channel() != null) {
            where.append(" and :channel = any(channels)");
        }
        JdbcClient.StatementSpec count = bind(jdbc.sql("select count(*) from procedure_version" + where), query, words);
        long total = count.query(Long.class).single();
        JdbcClient.StatementSpec select = bind(jdbc.sql("select " + COLUMNS + " from procedure_version" + where
                + " order by name, code limit :size offset :offset"), query, words)
                .param("size", query.size()).param("offset", (long) query.page() * query.size());
        return new Found(total, select.query((rs, n) -> map(rs).procedure()).list());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ProcedureQuery query, List<String> words) {
        spec = spec.param("asOf", query.asOf());
        for (int i = 0; i < words.size(); i++) {
            spec = spec.param("w" + i, "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.field() != null) {
            spec = spec.param("field", query.field()).param("fieldPrefix", query.field() + ".%");
        }
        if (query.agency() != null) {
            spec = spec.param("agency", query.agency());
        }
        if (query.level() != null) {
            spec = spec.param("level", query.level().name());
        }
        if (query.channel() != null) {
            spec = spec.param("channel", query.channel().name());
        }
        return spec;
    }

    List<String> agenciesInUse(LocalDate asOf) {
        return jdbc.sql("""
                select distinct a from (
                  select competent_agency as a from procedure_version where valid_from <= :asOf and (valid_to is null or valid_to > :asOf)
                  union select unnest(implementing_agencies) from procedure_version where valid_from <= :asOf and (valid_to is null or valid_to > :asOf)
                ) x order by a""").param("asOf", asOf).query(String.class).list();
    }

    void insert(Procedure p, String contentHash, String searchText) {
        forget();
        jdbc.sql("""
                insert into procedure_version (code, sample_code, name, field_code, level, competent_agency, implementing_agencies,
                  channels, online_level, documents, processing_time, processing_time_unit, fees, result_type, conditions, legal_basis,
                  publishing_decision, valid_from, valid_to, demonstration, content_hash, search_text)
                values (:code, :sampleCode, :name, :field, :level, :competent, :implementing, :channels, :online, cast(:documents as jsonb),
                  :time, :unit, cast(:fees as jsonb), :result, :conditions, :legal, :decision, :from, :to, :demo, :hash, :search)""")
                .param("code", p.code()).param("sampleCode", p.sampleCode()).param("name", p.name()).param("field", p.fieldCode())
                .param("level", p.level().name()).param("competent", p.competentAgency())
                .param("implementing", p.implementingAgencies().toArray(String[]::new))
                .param("channels", p.channels().stream().map(Enum::name).toArray(String[]::new))
                .param("online", p.onlineLevel().name()).param("documents", JSON.writeValueAsString(p.documents()))
                .param("time", p.processingTime().value()).param("unit", p.processingTime().unit().name())
                .param("fees", JSON.writeValueAsString(p.fees())).param("result", p.resultType()).param("conditions", p.conditions())
                .param("legal", p.legalBasis()).param("decision", p.publishingDecision()).param("from", p.validFrom())
                .param("to", p.validTo()).param("demo", p.demonstration()).param("hash", contentHash).param("search", searchText)
                .update();
    }

    /** One import at a time: concurrent syncs would race on the same procedure's versions. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(5001)").query((rs, n) -> 1).list();
    }

    void end(String code, LocalDate validFrom, LocalDate validTo) {
        forget();
        jdbc.sql("update procedure_version set valid_to = :to where code = :code and valid_from = :from")
                .param("to", validTo).param("code", code).param("from", validFrom).update();
    }

    void delete(String code, LocalDate validFrom) {
        forget();
        jdbc.sql("delete from procedure_version where code = :code and valid_from = :from").param("code", code).param("from", validFrom).update();
    }

    Optional<Instant> lastSyncStart(String source) {
        return jdbc.sql("select max(started_at) from procedure_sync where source = :source").param("source", source)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant)).single();
    }

    void recordSync(Instant started, SyncResult result) {
        jdbc.sql("""
                insert into procedure_sync (started_at, finished_at, source, received, created, updated, unchanged, errors)
                values (:started, now(), :source, :received, :created, :updated, :unchanged, cast(:errors as jsonb))""")
                .param("started", java.sql.Timestamp.from(started)).param("source", result.source()).param("received", result.received())
                .param("created", result.created()).param("updated", result.updated()).param("unchanged", result.unchanged())
                .param("errors", JSON.writeValueAsString(result.errors())).update();
    }

    private static Stored map(ResultSet rs) throws SQLException {
        Procedure p = new Procedure(rs.getString("code"), rs.getBoolean("sample_code"), rs.getString("name"), rs.getString("field_code"),
                ProcedureLevel.valueOf(rs.getString("level")), rs.getString("competent_agency"), strings(rs.getArray("implementing_agencies")),
                strings(rs.getArray("channels")).stream().map(Channel::valueOf).toList(), OnlineLevel.valueOf(rs.getString("online_level")),
                JSON.readValue(rs.getString("documents"), new TypeReference<List<RequiredDocument>>() { }),
                new ProcessingTime(rs.getInt("processing_time"), ProcessingTime.Unit.valueOf(rs.getString("processing_time_unit"))),
                JSON.readValue(rs.getString("fees"), new TypeReference<List<Fee>>() { }), rs.getString("result_type"),
                rs.getString("conditions"), rs.getString("legal_basis"), rs.getString("publishing_decision"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), rs.getBoolean("demonstration"));
        return new Stored(p, rs.getString("content_hash"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
