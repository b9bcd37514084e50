package vn.gov.egov.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploading BPMN: each rule refuses with a reason naming the element, and nothing is stored or deployed. */
class RouteUploadTest extends RouteTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** 1.000011: construction permit for grade III/IV works, Department of Construction, 20 working days. */
    static final String PROCEDURE = "1.000011";

    @Autowired
    JdbcClient jdbc;

    static String bpmn(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                             xmlns:egov="https://egov.langson.gov.vn/bpmn" targetNamespace="https://example.org/test">
                  <process id="uploaded" name="Quy trình tải lên" isExecutable="true">
                %s
                  </process>
                </definitions>
                """.formatted(body);
    }

    static String task(String id, String name, String groups, String kind, String time) {
        return "<userTask id=\"%s\" name=\"%s\"%s%s%s/>".formatted(id, name,
                groups == null ? "" : " flowable:candidateGroups=\"" + groups + "\"",
                kind == null ? "" : " egov:kind=\"" + kind + "\"", time == null ? "" : " egov:workingTime=\"" + time + "\"");
    }

    static String flow(String id, String from, String to) {
        return "<sequenceFlow id=\"%s\" sourceRef=\"%s\" targetRef=\"%s\"/>".formatted(id, from, to);
    }

    /** start → receive → appraise → approve → end, 0.5d + 10d + 2d. */
    static String good(String appraiseGroups, String appraiseTime) {
        return bpmn(String.join("\n", "<startEvent id=\"start\"/>",
                task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@${receivingAgency}", "RECEIVE", "0.5d"),
                task("appraise", "Thẩm định", appraiseGroups, "APPRAISE", appraiseTime),
                task("approve", "Phê duyệt", "AGENCY_LEADER@SO-XD", "APPROVE", "2d"),
                "<endEvent id=\"end\"/>",
                flow("f1", "start", "receive"), flow("f2", "receive", "appraise"), flow("f3", "appraise", "approve"),
                flow("f4", "approve", "end")));
    }

    static Stream<Arguments> badUploads() {
        String start = "<startEvent id=\"start\"/>";
        String end = "<endEvent id=\"end\"/>";
        return Stream.of(
                Arguments.of("unknown role", good("CHIEF@SO-XD", "10d"), "appraise", "vai trò 'CHIEF'"),
                Arguments.of("a role that handles no dossier", good("AUDITOR@SO-XD", "10d"), "appraise", "vai trò 'AUDITOR'"),
                Arguments.of("no candidate group", good(null, "10d"), "appraise", "nhóm xử lý"),
                Arguments.of("no unit", good("SPECIALIST@", "10d"), "appraise", "thiếu đơn vị"),
                Arguments.of("unknown agency", good("SPECIALIST@SO-KHONG-CO", "10d"), "appraise", "'SO-KHONG-CO' không có trong danh mục"),
                Arguments.of("a division of another agency", good("SPECIALIST@SO-XD/UBND-178.KTHT", "10d"), "appraise", "'UBND-178.KTHT' không"),
                Arguments.of("unknown variable", good("SPECIALIST@${decidingAgency}", "10d"), "appraise", "biến 'decidingAgency'"),
                Arguments.of("missing working time", good("SPECIALIST@SO-XD", null), "appraise", "thiếu thời gian xử lý egov:workingTime"),
                Arguments.of("malformed working time", good("SPECIALIST@SO-XD", "10 ngày"), "appraise", "egov:workingTime=\"10 ngày\" không đúng dạng"),
                Arguments.of("zero working time", good("SPECIALIST@SO-XD", "0d"), "appraise", "không đúng dạng"),
                Arguments.of("over the legal time", good("SPECIALIST@SO-XD", "18d"), "uploaded", "vượt thời hạn giải quyết"),
                Arguments.of("unreachable element", bpmn(String.join("\n", start,
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "RECEIVE", "1d"),
                        task("orphan", "Bước mồ côi", "SPECIALIST@SO-XD", "APPRAISE", "1d"), end,
                        flow("f1", "start", "receive"), flow("f2", "receive", "end"), flow("f3", "orphan", "end"))),
                        "orphan", "không tới được từ sự kiện bắt đầu"),
                Arguments.of("unreachable end", bpmn(String.join("\n", start,
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "RECEIVE", "1d"), end, "<endEvent id=\"end2\"/>",
                        flow("f1", "start", "receive"), flow("f2", "receive", "end"))),
                        "end2", "unreachable end"),
                Arguments.of("a step leading nowhere", bpmn(String.join("\n", start,
                        "<exclusiveGateway id=\"choice\"/>",
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "RECEIVE", "1d"),
                        task("stuck", "Bước cụt", "SPECIALIST@SO-XD", "APPRAISE", "1d"), end,
                        flow("f1", "start", "choice"), flow("f2", "choice", "receive"), flow("f3", "choice", "stuck"),
                        flow("f4", "receive", "end"))),
                        "stuck", "không tới được sự kiện kết thúc"),
                Arguments.of("no end event", bpmn(String.join("\n", start,
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "RECEIVE", "1d"), flow("f1", "start", "receive"))),
                        "uploaded", "không có sự kiện kết thúc"),
                Arguments.of("another service task", bpmn(String.join("\n", start,
                        "<serviceTask id=\"mailer\" name=\"Gửi thư\" flowable:class=\"org.example.Mailer\"/>",
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "RECEIVE", "1d"), end,
                        flow("f1", "start", "mailer"), flow("f2", "mailer", "receive"), flow("f3", "receive", "end"))),
                        "mailer", "Tác vụ dịch vụ 'Gửi thư' (mailer) không được phép"),
                Arguments.of("a bean called from an expression", bpmn(String.join("\n", start,
                        "<serviceTask id=\"call\" flowable:expression=\"${dataSource.getConnection()}\"/>",
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "RECEIVE", "1d"), end,
                        flow("f1", "start", "call"), flow("f2", "call", "receive"), flow("f3", "receive", "end"))),
                        "call", "không được phép"),
                Arguments.of("a condition reading a bean", bpmn(String.join("\n", start,
                        "<exclusiveGateway id=\"choice\" default=\"f3\"/>",
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "RECEIVE", "1d"), end,
                        flow("f1", "start", "choice"),
                        "<sequenceFlow id=\"f2\" sourceRef=\"choice\" targetRef=\"receive\"><conditionExpression>${dataSource.connection != null}</conditionExpression></sequenceFlow>",
                        flow("f3", "choice", "receive"), flow("f4", "receive", "end"))),
                        "f2", "không truy cập thuộc tính"),
                Arguments.of("an assignee expression", bpmn(String.join("\n", start,
                        "<userTask id=\"receive\" name=\"Tiếp nhận\" flowable:assignee=\"${officials.toString()}\" flowable:candidateGroups=\"ONE_STOP_OFFICER@SO-XD\" egov:kind=\"RECEIVE\" egov:workingTime=\"1d\"/>",
                        end, flow("f1", "start", "receive"), flow("f2", "receive", "end"))),
                        "receive", "chỉ nhóm xử lý (candidateGroups) được dùng biến"),
                Arguments.of("an asynchronous step", bpmn(String.join("\n", start,
                        "<userTask id=\"receive\" name=\"Tiếp nhận\" flowable:async=\"true\" flowable:candidateGroups=\"ONE_STOP_OFFICER@SO-XD\" egov:kind=\"RECEIVE\" egov:workingTime=\"1d\"/>",
                        end, flow("f1", "start", "receive"), flow("f2", "receive", "end"))),
                        "receive", "flowable:async"),
                Arguments.of("a script task", bpmn(String.join("\n", start,
                        "<scriptTask id=\"script\" scriptFormat=\"groovy\"><script>println 'x'</script></scriptTask>",
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "RECEIVE", "1d"), end,
                        flow("f1", "start", "script"), flow("f2", "script", "receive"), flow("f3", "receive", "end"))),
                        "script", "không được hỗ trợ"),
                Arguments.of("unknown decision", bpmn(String.join("\n", start,
                        "<serviceTask id=\"decide\" name=\"Quyết định\" flowable:delegateExpression=\"${routeDecisions}\" egov:decision=\"khong-co-bang-nay\"/>",
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "RECEIVE", "1d"), end,
                        flow("f1", "start", "decide"), flow("f2", "decide", "receive"), flow("f3", "receive", "end"))),
                        "decide", "'khong-co-bang-nay' không tồn tại"),
                Arguments.of("a decision task without key", bpmn(String.join("\n", start,
                        "<serviceTask id=\"decide\" flowable:delegateExpression=\"${routeDecisions}\"/>",
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "RECEIVE", "1d"), end,
                        flow("f1", "start", "decide"), flow("f2", "decide", "receive"), flow("f3", "receive", "end"))),
                        "decide", "thiếu thuộc tính egov:decision"),
                Arguments.of("unknown step kind", bpmn(String.join("\n", start,
                        task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@SO-XD", "CHECK", "1d"), end,
                        flow("f1", "start", "receive"), flow("f2", "receive", "end"))),
                        "receive", "egov:kind=\"CHECK\""),
                Arguments.of("not BPMN", "<html><body>hello</body></html>", "bpmn", "không đọc được"),
                Arguments.of("an external entity", """
                        <?xml version="1.0"?>
                        <!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&xxe;"/></definitions>
                        """, "bpmn", "DOCTYPE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void badBpmnIsRefusedNamingTheElementAndNothingIsStored(String rule, String xml, String element, String reason) throws Exception {
        long routesBefore = count("route");
        long versionsBefore = count("route_version");
        long deploymentsBefore = count("act_re_deployment");

        HttpResponse<String> response = asAdmin("POST", "/api/v1/routes/upload?procedureCode=" + PROCEDURE + "&agencyCode=SO-XD",
                "application/xml", xml);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problems = JSON.readTree(response.body()).get("problems");
        assertThat(problems).as(response.body()).anySatisfy(p -> {
            assertThat(p.get("element").asString()).isEqualTo(element);
            assertThat(p.get("message").asString()).contains(reason);
        });
        assertThat(count("route")).isEqualTo(routesBefore);
        assertThat(count("route_version")).isEqualTo(versionsBefore);
        assertThat(count("act_re_deployment")).isEqualTo(deploymentsBefore);
    }

    @Test
    void aGoodBpmnIsStoredAsDraftAndPublishedForItsAgency() throws Exception {
        HttpResponse<String> uploaded = asAdmin("POST", "/api/v1/routes/upload?procedureCode=" + PROCEDURE + "&agencyCode=SO-XD",
                "application/xml", good("SPECIALIST@SO-XD", "10d"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode draft = JSON.readTree(uploaded.body());
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("generated").asBoolean()).isFalse();
        assertThat(draft.get("totalTime").asString()).isEqualTo("12.5d");
        assertThat(draft.get("steps")).extracting(s -> s.get("activityId").asString()).containsExactly("receive", "appraise", "approve");

        String id = draft.get("id").asString();
        HttpResponse<String> published = asAdmin("POST", "/api/v1/routes/versions/" + id + "/publish", null, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode version = JSON.readTree(published.body());
        assertThat(version.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(version.get("processDefinitionId").asString()).startsWith("uploaded:");

        // saving and publishing are in the audit trail, by the administrator
        String object = version.get("routeId").asString() + "/v" + version.get("version").asInt();
        assertThat(jdbc.sql("""
                SELECT (SELECT count(*) FROM audit_pending WHERE object_type = 'route' AND object_id = :id AND actor_id = :who)
                     + (SELECT count(*) FROM audit_entry WHERE object_type = 'route' AND object_id = :id AND actor_id = :who)""")
                .param("id", object).param("who", ADMIN).query(Long.class).single()).isEqualTo(2);

        // published versions are immutable: publishing again is refused, the database refuses a changed BPMN
        assertThat(asAdmin("POST", "/api/v1/routes/versions/" + id + "/publish", null, null).statusCode()).isEqualTo(422);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql("update route_version set bpmn_xml = 'x' where id = :id")
                .param("id", java.util.UUID.fromString(id)).update())).hasMessageContaining("cannot change");

        HttpResponse<String> bpmn = asAdmin("GET", "/api/v1/routes/versions/" + id + "/bpmn", null, null);
        assertThat(bpmn.body()).contains("SPECIALIST@SO-XD");
        assertThat(asAdmin("GET", "/api/v1/routes/versions/" + java.util.UUID.randomUUID() + "/bpmn", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> noTable = asAdmin("GET", "/api/v1/routes/decisions/khong-co-bang", null, null);
        assertThat(noTable.statusCode()).isEqualTo(404);
        assertThat(noTable.body()).contains("khong-co-bang");
        HttpResponse<String> list = asAdmin("GET", "/api/v1/routes", null, null);
        assertThat(JSON.readTree(list.body())).anySatisfy(r -> assertThat(r.get("id").asString()).isEqualTo(version.get("routeId").asString()));
    }

    @Test
    void aGatewayComparingVariablesIsAcceptedAndTheLongestBranchCounts() throws Exception {
        String xml = bpmn(String.join("\n", "<startEvent id=\"start\"/>",
                task("receive", "Tiếp nhận", "ONE_STOP_OFFICER@${receivingAgency}", "RECEIVE", "0.5d"),
                "<exclusiveGateway id=\"choice\" default=\"simple\"/>",
                task("short", "Thẩm định nhanh", "SPECIALIST@SO-XD", "APPRAISE", "2d"),
                task("long", "Thẩm định hiện trường", "SPECIALIST@SO-XD", "APPRAISE", "10d"),
                task("approve", "Phê duyệt", "AGENCY_LEADER@SO-XD", "APPROVE", "1d"),
                "<endEvent id=\"end\"/>",
                flow("f1", "start", "receive"), flow("f2", "receive", "choice"),
                "<sequenceFlow id=\"site\" sourceRef=\"choice\" targetRef=\"long\"><conditionExpression>${channel == 'IN_PERSON' &amp;&amp; amount &gt; 1.5}</conditionExpression></sequenceFlow>",
                flow("simple", "choice", "short"), flow("f3", "short", "approve"), flow("f4", "long", "approve"),
                // a return for rework is a loop: left out of the main path
                "<sequenceFlow id=\"rework\" sourceRef=\"approve\" targetRef=\"choice\"><conditionExpression>${rework == true}</conditionExpression></sequenceFlow>",
                "<sequenceFlow id=\"f5\" sourceRef=\"approve\" targetRef=\"end\"><conditionExpression>${rework != true}</conditionExpression></sequenceFlow>"));
        HttpResponse<String> uploaded = asAdmin("POST", "/api/v1/routes/upload?procedureCode=" + PROCEDURE + "&agencyCode=SO-XD&name=R%E1%BA%BD%20nh%C3%A1nh",
                "application/xml", xml);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode draft = JSON.readTree(uploaded.body());
        assertThat(draft.get("totalTime").asString()).isEqualTo("11.5d");
        assertThat(draft.get("steps")).extracting(s -> s.get("activityId").asString()).containsExactly("receive", "long", "approve", "short");
        // the timeline follows the main path only
        JsonNode timeline = JSON.readTree(asAdmin("GET", "/api/v1/routes/versions/" + draft.get("id").asString() + "/timeline?from=2027-04-28",
                null, null).body());
        assertThat(timeline.get("lines")).extracting(l -> l.get("activityId").asString()).containsExactly("receive", "long", "approve");
        assertThat(timeline.get("totalTime").asString()).isEqualTo("11.5d");
        assertThat(timeline.get("withinLegalTime").asBoolean()).isTrue();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static List<String> ids(JsonNode array) {
        return array.valueStream().map(n -> n.get("id").asString()).toList();
    }
}
