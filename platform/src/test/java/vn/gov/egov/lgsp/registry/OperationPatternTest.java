package vn.gov.egov.lgsp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An access right's operation: what it is written as, and which calls it covers. */
class OperationPatternTest {

    private static OperationPattern rest(String text) {
        return OperationPattern.parse(text, Protocol.REST).orElseThrow();
    }

    @Test
    void restOperationsAreNormalizedOrRefused() {
        assertThat(OperationPattern.normalize("  get   /citizens/*/ ", Protocol.REST)).contains("GET /citizens/*");
        assertThat(OperationPattern.normalize("*", Protocol.REST)).contains("*");
        assertThat(OperationPattern.normalize("GET /", Protocol.REST)).contains("GET /");
        for (String bad : new String[] {"GET", "FETCH /x", "GET x", "GET /a/../b", "GET /a//b", "GET /**/x", "GET /a b", "GET /a?x=1", ""}) {
            assertThat(OperationPattern.normalize(bad, Protocol.REST)).as(bad).isEmpty();
        }
        assertThat(OperationPattern.normalize("TraCuuKhaiSinh", Protocol.SOAP)).contains("TraCuuKhaiSinh");
        assertThat(OperationPattern.normalize("GET /x", Protocol.SOAP)).isEmpty();
    }

    @Test
    void aStarIsOneSegmentAndAFinalDoubleStarIsTheRest() {
        OperationPattern one = rest("GET /citizens/*");
        assertThat(one.matches("GET", "/citizens/001")).isTrue();
        assertThat(one.matches("GET", "/citizens/001/")).isTrue();
        assertThat(one.matches("GET", "/citizens")).isFalse();
        assertThat(one.matches("GET", "/citizens/001/photo")).isFalse();
        assertThat(one.matches("HEAD", "/citizens/001")).isFalse();
        assertThat(one.matches("GET", "/citizens/..")).isFalse();
        assertThat(one.matches("GET", "/citizens/%2e%2e")).isTrue(); // encoded: a segment like any other, the gateway decides

        OperationPattern rest = rest("POST /province/**");
        assertThat(rest.matches("POST", "/province")).isTrue();
        assertThat(rest.matches("POST", "/province/dossiers/1/acknowledgement")).isTrue();
        assertThat(rest.matches("POST", "/provinces")).isFalse();
        assertThat(rest.matches("POST", "/province/../admin")).isFalse();

        OperationPattern soap = OperationPattern.parse("TraCuu", Protocol.SOAP).orElseThrow();
        assertThat(soap.matches("POST", "TraCuu")).isTrue();
        assertThat(soap.matches("POST", "TraCuuKhac")).isFalse();
        assertThat(OperationPattern.parse("*", Protocol.SOAP).orElseThrow().matches(null, null)).isTrue();
    }
}
