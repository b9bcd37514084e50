package vn.gov.egov.catalog;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.database.ReadMemory;

/** The catalog module's tables, and nothing else touches them. */
@Repository
class CatalogStore {

    record StoredCatalog(CatalogDefinition definition, boolean builtIn, long revision) {
    }

    record ChangeRecord(long id, String catalog, String kind, String summary, List<String> codes, String reason,
                        String source, String changedBy, Instant changedAt) {
    }

    /** A version with the changes that recorded and (if so) superseded it: the full history of an entry. */
    record VersionRecord(CatalogEntry entry, long recordedBy, Long supersededBy) {
    }

    private static final String ENTRY_COLUMNS =
            "id, catalog_code, code, name, name_en, parent_code, valid_from, valid_to, attributes::text AS attributes";
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ObjectMapper json;
    /** Parsed definitions by their JSON text, so that a read parses a definition only when it changed. */
    private final java.util.concurrent.ConcurrentMap<String, CatalogDefinition> parsedDefinitions = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Entries read by code (every dossier reads its agency's): kept 30 s, forgotten at once when this node changes a
     * catalog; another node's change is seen here within 30 s.
     */
    private final ReadMemory<EntryKey, Optional<CatalogEntry>> entries = new ReadMemory<>(java.time.Duration.ofSeconds(30), 50_000);

    private record EntryKey(String catalog, String code, LocalDate asOf) {
    }

    CatalogStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ObjectMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
    }

    List<StoredCatalog> catalogs() {
        return jdbc.sql("SELECT definition::text AS definition, built_in, revision FROM catalog ORDER BY code")
                .query((rs, n) -> storedCatalog(rs)).list();
    }

    Optional<StoredCatalog> catalog(String code) {
        return jdbc.sql("SELECT definition::text AS definition, built_in, revision FROM catalog WHERE code = ?")
                .param(code).query((rs, n) -> storedCatalog(rs)).optional();
    }

    void saveDefinition(CatalogDefinition definition, boolean builtIn) {
        jdbc.sql("""
                INSERT INTO catalog (code, definition, built_in) VALUES (:code, :definition::jsonb, :builtIn)
                ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now(),
                                                 revision = catalog.revision + 1
                """)
                .param("code", definition.code())
                .param("definition", json.writeValueAsString(definition))
                .param("builtIn", builtIn)
                .update();
    }

    /** Locks the catalog for one change at a time (also across nodes) and returns its revision. */
    long lockForChange(String catalog) {
        return jdbc.sql("SELECT revision FROM catalog WHERE code = ? FOR UPDATE").param(catalog).query(Long.class).single();
    }

    long nextRevision(String catalog) {
        return jdbc.sql("UPDATE catalog SET revision = revision + 1, updated_at = now() WHERE code = ? RETURNING revision")
                .param(catalog).query(Long.class).single();
    }

    long revision(String catalog) {
        return jdbc.sql("SELECT revision FROM catalog WHERE code = ?").param(catalog).query(Long.class).optional().orElse(-1L);
    }

    List<CatalogTimeline.Version> liveVersions(String catalog) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM catalog_entry_version WHERE catalog_code = ? AND superseded_by IS NULL")
                .param(catalog)
                .query((rs, n) -> new CatalogTimeline.Version(rs.getLong("id"), entry(rs))).list();
    }

    Optional<CatalogEntry> entry(String catalog, String code, LocalDate asOf) {
        return entries.read(new EntryKey(catalog, code, asOf), key -> readEntry(key.catalog(), key.code(), key.asOf()));
    }

    private Optional<CatalogEntry> readEntry(String catalog, String code, LocalDate asOf) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                 FROM catalog_entry_version
                 WHERE catalog_code = ? AND code = ? AND superseded_by IS NULL
                   AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)
                """).params(catalog, code, Date.valueOf(asOf), Date.valueOf(asOf))
                .query((rs, n) -> entry(rs)).optional();
    }

    boolean exists(String catalog, String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM catalog_entry_version WHERE catalog_code = ? AND code = ? AND superseded_by IS NULL)")
                .params(catalog, code).query(Boolean.class).single();
    }

    EntryPage entries(String catalog, EntryQuery query) {
        StringBuilder where = new StringBuilder("""
                 FROM catalog_entry_version
                 WHERE catalog_code = :catalog AND superseded_by IS NULL
                   AND valid_from <= :asOf AND (valid_to IS NULL OR valid_to > :asOf)
                """);
        List<String> words = SearchText.words(query.text());
        for (int i = 0; i < words.size(); i++) {
            where.append(" AND search_text LIKE :word").append(i);
        }
        if (query.parentCode() != null) {
            where.append(" AND parent_code = :parent");
        } else if (query.rootsOnly()) {
            where.append(" AND parent_code IS NULL");
        }
        var count = jdbc.sql("SELECT count(*)" + where);
        var select = jdbc.sql("SELECT " + ENTRY_COLUMNS + where + " ORDER BY code LIMIT :limit OFFSET :offset");
        for (var statement : List.of(count, select)) {
            statement.param("catalog", catalog).param("asOf", Date.valueOf(query.asOf()));
            for (int i = 0; i < words.size(); i++) {
                statement.param("word" + i, "%" + words.get(i).replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (query.parentCode() != null) {
                statement.param("parent", query.parentCode());
            }
        }
        long total = count.query(Long.class).single();
        List<CatalogEntry> items = select.param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query((rs, n) -> entry(rs)).list();
        return new EntryPage(catalog, query.asOf(), total, query.page(), query.size(), items);
    }

    List<VersionRecord> history(String catalog, String code) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + ", recorded_by, superseded_by FROM catalog_entry_version "
                        + "WHERE catalog_code = ? AND code = ? ORDER BY valid_from, id")
                .params(catalog, code)
                .query((rs, n) -> new VersionRecord(entry(rs), rs.getLong("recorded_by"),
                        rs.getObject("superseded_by") == null ? null : rs.getLong("superseded_by"))).list();
    }

    long recordChange(String catalog, ChangeSet.Kind kind, String summary, Collection<String> codes, String reason,
                      String source, String changedBy) {
        return jdbc.sql("""
                INSERT INTO catalog_change (catalog_code, kind, summary, codes, reason, source, changed_by)
                VALUES (:catalog, :kind, :summary, string_to_array(:codes, chr(31)), :reason, :source, :changedBy) RETURNING id
                """)
                .param("catalog", catalog).param("kind", kind.name()).param("summary", summary)
                .param("codes", String.join("\u001f", codes)).param("reason", reason).param("source", source)
                .param("changedBy", changedBy)
                .query(Long.class).single();
    }

    Optional<ChangeRecord> change(long id) {
        return jdbc.sql("SELECT * FROM catalog_change WHERE id = ?").param(id).query((rs, n) -> changeRecord(rs)).optional();
    }

    List<ChangeRecord> changes(String catalog, String code, int limit) {
        if (code == null) {
            return jdbc.sql("SELECT * FROM catalog_change WHERE catalog_code = ? ORDER BY id DESC LIMIT ?")
                    .params(catalog, limit).query((rs, n) -> changeRecord(rs)).list();
        }
        return jdbc.sql("SELECT * FROM catalog_change WHERE catalog_code = ? AND codes @> ARRAY[?]::text[] ORDER BY id DESC LIMIT ?")
                .params(catalog, code, limit).query((rs, n) -> changeRecord(rs)).list();
    }

    void supersede(Collection<Long> versionIds, long changeId) {
        entries.forgetAll();
        if (!versionIds.isEmpty()) {
            jdbc.sql("UPDATE catalog_entry_version SET superseded_by = :change WHERE id IN (:ids) AND superseded_by IS NULL")
                    .param("change", changeId).param("ids", versionIds).update();
        }
    }

    void insertVersions(List<CatalogEntry> entries, long changeId) {
        this.entries.forgetAll();
        jdbcTemplate.batchUpdate("""
                INSERT INTO catalog_entry_version (catalog_code, code, name, name_en, parent_code, valid_from, valid_to,
                                                   attributes, search_text, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                """, entries, 500, (ps, e) -> {
            ps.setString(1, e.catalog());
            ps.setString(2, e.code());
            ps.setString(3, e.name());
            ps.setString(4, e.nameEn());
            ps.setString(5, e.parentCode());
            ps.setDate(6, Date.valueOf(e.validFrom()));
            ps.setDate(7, e.validTo() == null ? null : Date.valueOf(e.validTo()));
            ps.setString(8, json.writeValueAsString(e.attributes()));
            ps.setString(9, SearchText.of(e.code(), e.name(), e.nameEn()));
            ps.setLong(10, changeId);
        });
    }

    int insertSuccessions(String catalog, List<ChangeSetValidator.Succession> successions, long changeId) {
        int inserted = 0;
        for (ChangeSetValidator.Succession s : successions) {
            inserted += jdbc.sql("""
                    INSERT INTO catalog_succession (catalog_code, predecessor_code, successor_code, effective_date, partial, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """).params(catalog, s.predecessorCode(), s.successorCode(), Date.valueOf(s.effectiveDate()), s.partial(), changeId)
                    .update();
        }
        return inserted;
    }

    List<Lineage.Step> successionsAfter(String catalog, String code, LocalDate after) {
        return jdbc.sql("""
                SELECT predecessor_code, successor_code, effective_date, partial FROM catalog_succession
                WHERE catalog_code = ? AND predecessor_code = ? AND effective_date > ?
                  AND effective_date = (SELECT min(effective_date) FROM catalog_succession
                                        WHERE catalog_code = ? AND predecessor_code = ? AND effective_date > ?)
                ORDER BY successor_code
                """).params(catalog, code, Date.valueOf(after), catalog, code, Date.valueOf(after))
                .query((rs, n) -> new Lineage.Step(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBoolean(4)))
                .list();
    }

    List<Lineage.Step> successionsOf(String catalog, String code) {
        return jdbc.sql("""
                SELECT predecessor_code, successor_code, effective_date, partial FROM catalog_succession
                WHERE catalog_code = ? AND (predecessor_code = ? OR successor_code = ?) ORDER BY effective_date, predecessor_code
                """).params(catalog, code, code)
                .query((rs, n) -> new Lineage.Step(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBoolean(4)))
                .list();
    }

    Optional<String> datasetChecksum(String datasetId) {
        return jdbc.sql("SELECT checksum FROM catalog_dataset WHERE id = ?").param(datasetId).query(String.class).optional();
    }

    void datasetLoaded(String datasetId, String checksum, Long changeId) {
        jdbc.sql("INSERT INTO catalog_dataset (id, checksum, change_id) VALUES (?, ?, ?)")
                .params(datasetId, checksum, changeId).update();
    }

    private StoredCatalog storedCatalog(ResultSet rs) throws SQLException {
        String text = rs.getString("definition");
        if (parsedDefinitions.size() > 1000) {
            parsedDefinitions.clear();
        }
        CatalogDefinition definition = parsedDefinitions.computeIfAbsent(text, t -> json.readValue(t, CatalogDefinition.class));
        return new StoredCatalog(definition, rs.getBoolean("built_in"), rs.getLong("revision"));
    }

    private CatalogEntry entry(ResultSet rs) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new CatalogEntry(rs.getString("catalog_code"), rs.getString("code"), rs.getString("name"),
                rs.getString("name_en"), rs.getString("parent_code"), rs.getDate("valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate(), json.readValue(rs.getString("attributes"), STRING_MAP));
    }

    private static ChangeRecord changeRecord(ResultSet rs) throws SQLException {
        Array codes = rs.getArray("codes");
        Timestamp at = rs.getTimestamp("changed_at");
        return new ChangeRecord(rs.getLong("id"), rs.getString("catalog_code"), rs.getString("kind"), rs.getString("summary"),
                codes == null ? List.of() : new ArrayList<>(List.of((String[]) codes.getArray())), rs.getString("reason"),
                rs.getString("source"), rs.getString("changed_by"), at.toInstant());
    }
}
