package vn.gov.egov.route;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.identity.Role;

/** Routes and their versions in PostgreSQL. */
@Repository
class RouteStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    enum Status { DRAFT, PUBLISHED, RETIRED }

    record Route(UUID id, String procedureCode, String agencyCode, String name, boolean demonstration, String createdBy,
                 Instant createdAt) {
    }

    /** A version in any status, with what the pages show. */
    record Version(UUID id, UUID routeId, int version, Status status, boolean generated, String bpmnXml, RouteForm form,
                   List<RouteStep> steps, Duration totalTime, String createdBy, Instant createdAt, String deploymentId,
                   String processDefinitionId, String publishedBy, Instant publishedAt, String retiredBy, Instant retiredAt) {
    }

    private static final String VERSION_COLUMNS = """
            v.id, v.route_id, v.version, v.status, v.generated, v.bpmn_xml, v.form::text as form, v.steps::text as steps,
            v.total_minutes, v.created_by, v.created_at, v.deployment_id, v.process_definition_id, v.published_by,
            v.published_at, v.retired_by, v.retired_at""";
    private static final String ROUTE_COLUMNS = "r.id, r.procedure_code, r.agency_code, r.name, r.demonstration, r.created_by, r.created_at";

    private final JdbcClient jdbc;

    RouteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the routes of one procedure (all nodes): taken before the first route or version is written. */
    void lockProcedure(String procedureCode) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 100))").param("k", "route/" + procedureCode).query().singleRow();
    }

    Optional<Route> route(String procedureCode, String agencyCode) {
        return jdbc.sql("select " + ROUTE_COLUMNS + " from route r where r.procedure_code = :p and coalesce(r.agency_code, '') = :a")
                .param("p", procedureCode).param("a", agencyCode == null ? "" : agencyCode).query((rs, n) -> route(rs)).optional();
    }

    Optional<Route> route(UUID id) {
        return jdbc.sql("select " + ROUTE_COLUMNS + " from route r where r.id = :id").param("id", id).query((rs, n) -> route(rs)).optional();
    }

    List<Route> routes() {
        return jdbc.sql("select " + ROUTE_COLUMNS + " from route r order by r.procedure_code, r.agency_code nulls first")
                .query((rs, n) -> route(rs)).list();
    }

    Route addRoute(String procedureCode, String agencyCode, String name, boolean demonstration, String by) {
        Route route = new Route(UUID.randomUUID(), procedureCode, agencyCode, name, demonstration, by, Instant.now());
        jdbc.sql("insert into route (id, procedure_code, agency_code, name, demonstration, created_by, created_at)"
                        + " values (:id, :p, :a, :name, :demo, :by, :at)")
                .param("id", route.id()).param("p", procedureCode).param("a", agencyCode).param("name", name)
                .param("demo", demonstration).param("by", by).param("at", Timestamp.from(route.createdAt())).update();
        return route;
    }

    void rename(UUID routeId, String name) {
        jdbc.sql("update route set name = :name where id = :id").param("id", routeId).param("name", name).update();
    }

    Optional<Version> version(UUID id) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from route_version v where v.id = :id").param("id", id)
                .query((rs, n) -> version(rs)).optional();
    }

    Optional<Version> byProcessDefinition(String processDefinitionId) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from route_version v where v.process_definition_id = :d")
                .param("d", processDefinitionId).query((rs, n) -> version(rs)).optional();
    }

    List<Version> versions(UUID routeId) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from route_version v where v.route_id = :r order by v.version desc")
                .param("r", routeId).query((rs, n) -> version(rs)).list();
    }

    Optional<Version> latestPublished(UUID routeId) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from route_version v where v.route_id = :r and v.status = 'PUBLISHED'"
                        + " order by v.published_at desc, v.version desc limit 1")
                .param("r", routeId).query((rs, n) -> version(rs)).optional();
    }

    Version addDraft(UUID routeId, boolean generated, String bpmnXml, RouteForm form, List<RouteStep> steps, Duration total, String by) {
        int number = jdbc.sql("select coalesce(max(version), 0) + 1 from route_version where route_id = :r")
                .param("r", routeId).query(Integer.class).single();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                insert into route_version (id, route_id, version, status, generated, bpmn_xml, form, steps, total_minutes, created_by, created_at)
                values (:id, :r, :version, 'DRAFT', :generated, :xml, cast(:form as jsonb), cast(:steps as jsonb), :total, :by, :at)""")
                .param("id", id).param("r", routeId).param("version", number).param("generated", generated).param("xml", bpmnXml)
                .param("form", form == null ? null : JSON.writeValueAsString(form)).param("steps", stepsJson(steps))
                .param("total", total.toMinutes()).param("by", by).param("at", Timestamp.from(now)).update();
        return new Version(id, routeId, number, Status.DRAFT, generated, bpmnXml, form, steps, total, by, now, null, null,
                null, null, null, null);
    }

    void published(UUID versionId, String deploymentId, String processDefinitionId, String by, Instant at) {
        int updated = jdbc.sql("""
                update route_version set status = 'PUBLISHED', deployment_id = :dep, process_definition_id = :def,
                  published_by = :by, published_at = :at where id = :id and status = 'DRAFT'""")
                .param("id", versionId).param("dep", deploymentId).param("def", processDefinitionId).param("by", by)
                .param("at", Timestamp.from(at)).update();
        if (updated != 1) {
            throw new IllegalStateException("route version " + versionId + " is not a draft");
        }
    }

    boolean retire(UUID versionId, String by) {
        return jdbc.sql("update route_version set status = 'RETIRED', retired_by = :by, retired_at = :at"
                        + " where id = :id and status = 'PUBLISHED'")
                .param("id", versionId).param("by", by).param("at", Timestamp.from(Instant.now())).update() == 1;
    }

    boolean deleteDraft(UUID versionId) {
        return jdbc.sql("delete from route_version where id = :id and status = 'DRAFT'").param("id", versionId).update() == 1;
    }

    private static String stepsJson(List<RouteStep> steps) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RouteStep s : steps) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("activityId", s.activityId());
            row.put("name", s.name());
            row.put("kind", s.kind().name());
            row.put("role", s.role().name());
            row.put("unit", s.unit());
            row.put("minutes", s.workingTime().toMinutes());
            row.put("workingDays", s.workingDays());
            rows.add(row);
        }
        return JSON.writeValueAsString(rows);
    }

    private static List<RouteStep> steps(String json) {
        List<Map<String, Object>> rows = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        return rows.stream().map(r -> new RouteStep((String) r.get("activityId"), (String) r.get("name"),
                StepKind.valueOf((String) r.get("kind")), Role.valueOf((String) r.get("role")), (String) r.get("unit"),
                Duration.ofMinutes(((Number) r.get("minutes")).longValue()), Boolean.TRUE.equals(r.get("workingDays")))).toList();
    }

    private static Route route(ResultSet rs) throws SQLException {
        return new Route(rs.getObject("id", UUID.class), rs.getString("procedure_code"), rs.getString("agency_code"),
                rs.getString("name"), rs.getBoolean("demonstration"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static Version version(ResultSet rs) throws SQLException {
        String form = rs.getString("form");
        return new Version(rs.getObject("id", UUID.class), rs.getObject("route_id", UUID.class), rs.getInt("version"),
                Status.valueOf(rs.getString("status")), rs.getBoolean("generated"), rs.getString("bpmn_xml"),
                form == null ? null : JSON.readValue(form, RouteForm.class), steps(rs.getString("steps")),
                Duration.ofMinutes(rs.getLong("total_minutes")), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getString("deployment_id"), rs.getString("process_definition_id"), rs.getString("published_by"),
                instant(rs, "published_at"), rs.getString("retired_by"), instant(rs, "retired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
