package vn.gov.egov.lgsp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallPathTest {

    @Test
    void readsTheAddressAndKeepsTheSubPathAsSent() {
        CallPath path = CallPath.parse("/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/citizens/001%20203/x");
        assertThat(path.address().path()).isEqualTo("BCA/CSDLQGDC/cong-dan/v1");
        assertThat(path.subPath()).isEqualTo("/citizens/001%20203/x");
        assertThat(CallPath.parse("/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1").subPath()).isEmpty();
        assertThat(CallPath.parse("/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1").operationPath()).isEqualTo("/");
        assertThat(CallPath.parse("/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/").subPath()).isEqualTo("/");
        assertThat(CallPath.parse("/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a/b/").subPath()).isEqualTo("/a/b/");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/../../../admin",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a/./b",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a/..",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/%2e%2e/x",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/%2E%2E/x",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/.%2e/x",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a%2fb",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a%2Fb",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a%5cb",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a%252e%252e",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1//evil.example/x",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a//b",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/user@evil.example",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a%40b",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a;jsessionid=1",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a%0d%0aSet-Cookie:x",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a%00",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a%zz",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan/v1/a\\b",
            "/lgsp/r1/BCA/CSDLQGDC/cong-dan",
            "/lgsp/r1/BCA/CSDLQGDC/../v1/x",
            "/lgsp/r1/BCA/CSDLQGDC/%2e%2e/v1/x",
            "/lgsp/r1/BCA/CSDLQGDC/cong dan/v1"})
    void refusesEveryPathTrick(String raw) {
        assertThatThrownBy(() -> CallPath.parse(raw)).isInstanceOfSatisfying(GatewayRefusal.class,
                r -> assertThat(r.error).isEqualTo(GatewayError.BAD_REQUEST));
    }

    @Test
    void theTargetStaysBeneathTheRegisteredEndpoint() {
        URI endpoint = URI.create("http://provider.internal:8090/population/");
        assertThat(ForwardTarget.of(endpoint, "/citizens/001", "fields=name&x=%C3%A1"))
                .isEqualTo(URI.create("http://provider.internal:8090/population/citizens/001?fields=name&x=%C3%A1"));
        assertThat(ForwardTarget.of(URI.create("http://provider.internal:8090/population"), "", null))
                .isEqualTo(URI.create("http://provider.internal:8090/population"));
        assertThat(ForwardTarget.of(URI.create("https://p.example"), "/a", null)).isEqualTo(URI.create("https://p.example/a"));
        assertThat(ForwardTarget.of(URI.create("https://p.example"), "", null)).isEqualTo(URI.create("https://p.example/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%0d%0aHost:%20evil", "a=%0A", "x=1#frag", "a=%00", "a=<script>", "a=b c", "a=%g1"})
    void refusesQueriesThatCouldSplitHeadersOrAreNotURIs(String query) {
        URI endpoint = URI.create("http://provider.internal:8090/population");
        assertThatThrownBy(() -> ForwardTarget.of(endpoint, "/x", query)).isInstanceOfSatisfying(GatewayRefusal.class,
                r -> assertThat(r.error).isEqualTo(GatewayError.BAD_REQUEST));
    }

    @Test
    void aTargetOutsideTheEndpointIsRefusedEvenIfAPathSlippedThrough() {
        URI endpoint = URI.create("http://provider.internal:8090/population");
        assertThatThrownBy(() -> ForwardTarget.of(endpoint, "/../admin", null)).isInstanceOf(GatewayRefusal.class);
        assertThatThrownBy(() -> ForwardTarget.of(endpoint, "x", null)).isInstanceOf(GatewayRefusal.class);
    }
}
