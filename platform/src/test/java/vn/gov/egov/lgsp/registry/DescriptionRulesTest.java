package vn.gov.egov.lgsp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Service descriptions: what is accepted, what is refused (field and rule), and the public copy. */
class DescriptionRulesTest {

    private final DescriptionRules rules = new DescriptionRules();

    private List<String> refusals(Protocol protocol, String document) {
        return rules.check(protocol, document).stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void openApiMustBeVersionThreeWithInfoAndParseSafely() {
        assertThat(refusals(Protocol.REST, "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n")).isEmpty();
        assertThat(refusals(Protocol.REST, "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}}")).isEmpty();
        assertThat(refusals(Protocol.REST, "")).containsExactly("document:required");
        assertThat(refusals(Protocol.REST, "openapi: 3.0.0\nopenapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths: {}"))
                .containsExactly("document:openapi-syntax");
        assertThat(refusals(Protocol.REST, "openapi: 3.0.0\ninfo: !!javax.script.ScriptEngineManager [x]\npaths: {}"))
                .containsExactly("document:openapi-syntax");
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nopenapi: 3.0.0\n";
        assertThat(refusals(Protocol.REST, bomb)).containsExactly("document:openapi-syntax");
        assertThat(refusals(Protocol.REST, "- 1\n- 2")).containsExactly("document:openapi-object");
        assertThat(refusals(Protocol.REST, "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths: [1]")).containsExactly("document:openapi-paths");
    }

    @Test
    void wsdlMustBeWellFormedWithoutDoctypeAndADefinitionsRoot() {
        assertThat(refusals(Protocol.SOAP, "<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\"/>")).isEmpty();
        assertThat(refusals(Protocol.SOAP, "<description xmlns=\"http://www.w3.org/ns/wsdl\"/>")).containsExactly("document:wsdl-root");
        assertThat(refusals(Protocol.SOAP, "<definitions/>")).containsExactly("document:wsdl-root");
        assertThat(refusals(Protocol.SOAP, "<!DOCTYPE definitions [<!ENTITY x \"y\">]><definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\">&x;</definitions>"))
                .containsExactly("document:wsdl-xml");
    }

    @Test
    void thePublicCopyPointsAtTheGatewayAndKeepsDatesAsWritten() {
        String copy = rules.forPublic(Protocol.REST, "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n"
                + "servers: [{url: 'http://10.0.0.5:8080/api'}]\npaths:\n  /a:\n    get: {summary: A, parameters: [{name: d, in: query, example: 2025-07-01}]}\n",
                "https://lgsp.example/lgsp/r1/X/Y/z/v1");
        assertThat(copy).contains("https://lgsp.example/lgsp/r1/X/Y/z/v1").contains("\"2025-07-01\"").doesNotContain("10.0.0.5");
        assertThat(rules.operations(Protocol.REST, "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a/{id}:\n"
                + "    parameters: [{name: id, in: path, required: true}]\n    post: {summary: Tạo, requestBody: {content: {}}}\n"))
                .containsExactly(new DescriptionRules.Operation("POST", "/a/{id}", "Tạo", List.of("id (path) *", "(nội dung yêu cầu)")));
    }
}
