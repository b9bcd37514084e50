package vn.gov.egov.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.TestOfficials;

/**
 * Building a route in the form: the inter-agency template with the demonstration decision, its timeline across the
 * 30/4–1/5 holidays, publication, and the decision service task inside a real process instance.
 */
class RouteFormTest extends RouteTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** 1.000009: construction permit for a private house, commune level, 15 working days, with a fee. */
    static final String PROCEDURE = "1.000009";
    static final String COMMUNE = "UBND-05977";
    static final String SO_XD_ADMIN = "route-admin-so-xd";

    @Autowired
    Routes routes;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestOfficials officials;

    @BeforeEach
    void decisionTable() throws Exception {
        if (!asAdmin("GET", "/api/v1/routes/decisions", null, null).body().contains("co-quan-quyet-dinh")) {
            try (InputStream in = getClass().getResourceAsStream("/route/demo/co-quan-quyet-dinh.dmn")) {
                HttpResponse<String> uploaded = asAdmin("POST", "/api/v1/routes/decisions", "application/xml",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            }
        }
        knowOfficial(officials.ensure(SO_XD_ADMIN, "Quan-Tri#So-Xay-Dung-2025", "Hoàng Văn Quản Trị",
                new Position(Role.AGENCY_ADMIN, "SO-XD", null)));
    }

    private JsonNode interAgencyTemplate() throws Exception {
        HttpResponse<String> template = asAdmin("GET", "/api/v1/routes/templates?procedureCode=" + PROCEDURE + "&agencyCode=" + COMMUNE
                + "&kind=inter-agency", null, null);
        assertThat(template.statusCode()).as(template.body()).isEqualTo(200);
        return JSON.readTree(template.body());
    }

    @Test
    void theTimelineCountsWorkingDaysAcrossTheHolidays() throws Exception {
        JsonNode form = interAgencyTemplate();
        assertThat(form.get("decisionKey").asString()).isEqualTo("co-quan-quyet-dinh");
        assertThat(form.get("steps")).extracting(s -> s.get("workingTime").asString()).containsExactly("0.5d", "9.5d", "2d", "2d", "1d");

        // Wednesday 28/4/2027: 30/4 (Friday) and 1/5 (Saturday, so Monday 3/5 is off instead) are holidays
        HttpResponse<String> preview = asAdmin("POST", "/api/v1/routes/preview?from=2027-04-28", "application/json", form.toString());
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode timeline = JSON.readTree(preview.body()).get("timeline");
        JsonNode lines = timeline.get("lines");
        assertThat(lines.get(0).get("dueAt").asString()).startsWith("2027-04-28T11:30");
        assertThat(lines.get(1).get("startsAt").asString()).startsWith("2027-04-28T11:30");
        assertThat(lines.get(1).get("dueAt").asString()).startsWith("2027-05-13T17:00");
        assertThat(lines.get(1).get("cumulative").asString()).isEqualTo("10d");
        assertThat(timeline.get("totalTime").asString()).isEqualTo("15d");
        assertThat(timeline.get("legalTime").asString()).isEqualTo("15d");
        assertThat(timeline.get("legalDueAt").asString()).startsWith("2027-05-20T17:00");
        assertThat(timeline.get("dueAt").asString()).isEqualTo(timeline.get("legalDueAt").asString());
        assertThat(timeline.get("withinLegalTime").asBoolean()).isTrue();
        assertThat(JSON.readTree(preview.body()).get("bpmn").asString()).contains("egov:decision=\"co-quan-quyet-dinh\"");
    }

    @Test
    void aFormOverTheLegalTimeOrWithAnUnknownRoleIsRefusedAndNothingStored() throws Exception {
        long versions = jdbc.sql("select count(*) from route_version").query(Long.class).single();
        ObjectNode form = (ObjectNode) interAgencyTemplate();
        ((ObjectNode) form.get("steps").get(1)).put("workingTime", "12d");
        HttpResponse<String> tooLong = asAdmin("POST", "/api/v1/routes", "application/json", form.toString());
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("17.5d").contains("vượt thời hạn giải quyết của thủ tục 1.000009 là 15d");

        ((ObjectNode) form.get("steps").get(1)).put("workingTime", "9.5d");
        ((ObjectNode) form.get("steps").get(2)).put("role", "TRUONG_PHONG");
        HttpResponse<String> unknownRole = asAdmin("POST", "/api/v1/routes", "application/json", form.toString());
        assertThat(unknownRole.statusCode()).isEqualTo(422);
        assertThat(unknownRole.body()).contains("step3_review").contains("vai trò 'TRUONG_PHONG'");
        assertThat(jdbc.sql("select count(*) from route_version").query(Long.class).single()).isEqualTo(versions);
    }

    @Test
    void theDecisionTaskSetsTheDecidingAgencyInARealProcess() throws Exception {
        JsonNode form = interAgencyTemplate();
        HttpResponse<String> saved = asAdmin("POST", "/api/v1/routes", "application/json", form.toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        String versionId = JSON.readTree(saved.body()).get("id").asString();
        HttpResponse<String> published = asAdmin("POST", "/api/v1/routes/versions/" + versionId + "/publish", null, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        // the saved version's timeline from the API: the same dates as the preview
        JsonNode versionTimeline = JSON.readTree(asAdmin("GET", "/api/v1/routes/versions/" + versionId + "/timeline?from=2027-04-28",
                null, null).body());
        assertThat(versionTimeline.get("lines").get(1).get("dueAt").asString()).startsWith("2027-05-13T17:00");
        assertThat(versionTimeline.get("legalDueAt").asString()).startsWith("2027-05-20T17:00");

        RouteVersion route = routes.forDossier(PROCEDURE, COMMUNE);
        assertThat(route.id().toString()).isEqualTo(versionId);
        assertThat(route.agencyCode()).isEqualTo(COMMUNE);
        // another commune has no route of its own: it gets the every-agency one (the single-agency template)
        assertThat(routes.forDossier(PROCEDURE, "UBND-05983").id()).isNotEqualTo(route.id());

        ProcessInstance instance = runtime.startProcessInstanceById(route.processDefinitionId(),
                Map.of("receivingAgency", COMMUNE, "applicantCommune", "06040", "procedureCode", PROCEDURE));
        assertThat(runtime.getVariable(instance.getId(), "decidingAgency")).isEqualTo("UBND-06040");
        Task receive = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(groups(receive)).containsExactly("ONE_STOP_OFFICER@" + COMMUNE);
        tasks.complete(receive.getId());
        Task appraise = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(appraise.getTaskDefinitionKey()).isEqualTo(route.steps().get(1).activityId());
        assertThat(groups(appraise)).containsExactly("SPECIALIST@UBND-06040");
        runtime.deleteProcessInstance(instance.getId(), "test");

        // a ward of the centre: the Department of Construction decides
        ProcessInstance ward = runtime.startProcessInstanceById(route.processDefinitionId(),
                Map.of("receivingAgency", COMMUNE, "applicantCommune", "05977"));
        assertThat(runtime.getVariable(ward.getId(), "decidingAgency")).isEqualTo("SO-XD");
        runtime.deleteProcessInstance(ward.getId(), "test");


        // retired: new dossiers of that commune go back to the every-agency route; the version stays readable
        HttpResponse<String> retired = asAdmin("POST", "/api/v1/routes/versions/" + versionId + "/retire", null, null);
        assertThat(JSON.readTree(retired.body()).get("status").asString()).isEqualTo("RETIRED");
        assertThat(routes.forDossier(PROCEDURE, COMMUNE).id()).isNotEqualTo(route.id());
        assertThat(routes.byProcessDefinition(route.processDefinitionId())).hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(route.id()));
    }

    @Test
    void whenNoRuleMatchesTheProcessDoesNotStart() throws Exception {
        // a table without a catch-all rule, for the commune of Chi Lăng's own route
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
                  <decision id="co-quan-theo-xa-thu" name="Thử: cơ quan theo xã, không có quy tắc mặc định">
                    <decisionTable id="t">
                      <input label="Xã"><inputExpression><text>applicantCommune</text></inputExpression></input>
                      <output name="decidingAgency" label="Cơ quan"/>
                      <rule><inputEntry><text>"05983"</text></inputEntry><outputEntry><text>"SO-XD"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""";
        assertThat(asAdmin("POST", "/api/v1/routes/decisions", "application/xml", dmn).statusCode()).isEqualTo(201);
        ObjectNode form = (ObjectNode) JSON.readTree(asAdmin("GET", "/api/v1/routes/templates?procedureCode=" + PROCEDURE
                + "&agencyCode=UBND-05983&kind=inter-agency&decisionKey=co-quan-theo-xa-thu", null, null).body());
        HttpResponse<String> saved = asAdmin("POST", "/api/v1/routes", "application/json", form.toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        String versionId = JSON.readTree(saved.body()).get("id").asString();
        assertThat(asAdmin("POST", "/api/v1/routes/versions/" + versionId + "/publish", null, null).statusCode()).isEqualTo(200);
        RouteVersion route = routes.forDossier(PROCEDURE, "UBND-05983");
        assertThat(route.id().toString()).isEqualTo(versionId);

        ProcessInstance matched = runtime.startProcessInstanceById(route.processDefinitionId(),
                Map.of("receivingAgency", "UBND-05983", "applicantCommune", "05983"));
        assertThat(runtime.getVariable(matched.getId(), "decidingAgency")).isEqualTo("SO-XD");
        runtime.deleteProcessInstance(matched.getId(), "test");

        long before = runtime.createProcessInstanceQuery().processDefinitionId(route.processDefinitionId()).count();
        Map<String, Object> otherCommune = new HashMap<>(Map.of("receivingAgency", "UBND-05983", "applicantCommune", "06001"));
        assertThatThrownBy(() -> runtime.startProcessInstanceById(route.processDefinitionId(), otherCommune))
                .isInstanceOfSatisfying(RouteDecisionFailed.class, e -> {
                    assertThat(e.decisionKey()).isEqualTo("co-quan-theo-xa-thu");
                    assertThat(e.getMessage()).contains("không có quy tắc nào khớp").contains("applicantCommune").doesNotContain("06001");
                });
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(route.processDefinitionId()).count()).isEqualTo(before);
        HttpResponse<String> tried = asAdmin("POST", "/api/v1/routes/decisions/co-quan-theo-xa-thu/evaluate", "application/json",
                "{\"applicantCommune\": \"06001\"}");
        assertThat(tried.statusCode()).isEqualTo(422);
        assertThat(tried.body()).contains("không có quy tắc nào khớp");
    }

    @Test
    void anAgencyAdministratorManagesOnlyTheirAgenciesProcedures() throws Exception {
        // the Department of Construction's administrator: 1.000011 is theirs, 1.000001 (Justice) is not
        HttpResponse<String> own = as(SO_XD_ADMIN, "GET", "/api/v1/routes/templates?procedureCode=1.000011", null, null);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        HttpResponse<String> other = as(SO_XD_ADMIN, "GET", "/api/v1/routes/templates?procedureCode=1.000001", null, null);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("1.000001");
        HttpResponse<String> decision = as(SO_XD_ADMIN, "POST", "/api/v1/routes/decisions", "application/xml", "<definitions/>");
        assertThat(decision.statusCode()).isEqualTo(403);
        JsonNode list = JSON.readTree(as(SO_XD_ADMIN, "GET", "/api/v1/routes", null, null).body());
        assertThat(list.valueStream().map(r -> r.get("procedureCode").asString())).doesNotContain("1.000001");
    }

    @Test
    void thePagesAreForAdministratorsOnly() throws Exception {
        Browser admin = new Browser();
        admin.logIn(ADMIN);
        assertThat(admin.get("/workspace").body()).contains("/admin/routes").contains("Quy trình nội bộ");
        assertThat(admin.get("/admin/routes").statusCode()).isEqualTo(200);

        Browser agencyAdmin = new Browser();
        agencyAdmin.logIn(SO_XD_ADMIN);
        assertThat(agencyAdmin.get("/admin/routes").statusCode()).isEqualTo(200);
        assertThat(agencyAdmin.get("/admin/routes/new?procedureCode=1.000011").body()).contains("Thụ lý, thẩm định hồ sơ");
        assertThat(agencyAdmin.get("/admin/routes/new?procedureCode=1.000001").statusCode()).isEqualTo(403);
        assertThat(agencyAdmin.get("/admin/routes/decisions").body()).doesNotContain("type=\"file\"");
        HttpResponse<String> upload = agencyAdmin.post("/admin/routes/decisions", "/admin/routes", java.util.Map.of());
        assertThat(upload.statusCode()).isEqualTo(403);

        String desk = "route-desk-so-xd";
        knowOfficial(officials.ensure(desk, "Mot-Cua#So-Xay-Dung-2025", "Lý Thị Một Cửa", new Position(Role.ONE_STOP_OFFICER, "SO-XD", null)));
        Browser officer = new Browser();
        officer.logIn(desk);
        assertThat(officer.get("/admin/routes").statusCode()).isEqualTo(403);
    }

    private java.util.List<String> groups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }
}
