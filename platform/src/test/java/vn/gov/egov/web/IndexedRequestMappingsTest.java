package vn.gov.egov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import vn.gov.egov.PlatformTest;

class IndexedRequestMappingsTest extends PlatformTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    HandlerMapping mappings;

    @Test
    void patternsFallInTheBucketOfTheirFirstThreeLiteralSegments() {
        assertThat(IndexedRequestMappings.literalKey("/api/v1/processing/dossiers/{code}")).isEqualTo("api/v1/processing");
        assertThat(IndexedRequestMappings.literalKey("/api/v1/processing")).isEqualTo("api/v1/processing");
        assertThat(IndexedRequestMappings.literalKey("/verify")).isEqualTo("verify");
        assertThat(IndexedRequestMappings.literalKey("/verify/{id}")).isNull();
        assertThat(IndexedRequestMappings.literalKey("/lgsp/**")).isNull();
        assertThat(IndexedRequestMappings.key("/api/v1/processing/dossiers/1.000001-260101-0001")).isEqualTo("api/v1/processing");
        assertThat(IndexedRequestMappings.key("/verify")).isEqualTo("verify");
        assertThat(IndexedRequestMappings.unusual("/api/v1/%70rocessing/x")).isTrue();
        assertThat(IndexedRequestMappings.unusual("/api//v1")).isTrue();
        assertThat(IndexedRequestMappings.unusual("/api/v1/my/dossiers")).isFalse();
    }

    /** Every mapping of the platform, with its variables filled in, finds the same method with and without the index. */
    @Test
    void everyMappingFindsTheSameMethodAsSpringsFullLookup() throws Exception {
        assertThat(mappings).isInstanceOf(IndexedRequestMappings.class);
        IndexedRequestMappings indexed = (IndexedRequestMappings) mappings;
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo info : indexed.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString().replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "x1")
                        .replace("/**", "/a/b").replace("*", "x");
                HandlerMethod viaIndex = handler(indexed.getHandler(request(method, path, info)));
                MockHttpServletRequest plain = request(method, path, info);
                HandlerMethod viaFullLookup = indexed.fullLookup(ServletRequestPathUtils.getParsedRequestPath(plain).pathWithinApplication().value(), plain);
                assertThat(viaIndex).as("%s %s", method, path).isNotNull();
                assertThat(viaIndex.getMethod()).as("%s %s", method, path).isEqualTo(viaFullLookup.getMethod());
                checked.add(method + " " + path);
            }
        }
        assertThat(checked).hasSizeGreaterThan(200).contains("POST /api/v1/dossiers");
    }

    private static MockHttpServletRequest request(String method, String path, RequestMappingInfo info) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                .ifPresent(type -> request.setContentType(type.toString()));
        info.getParamsCondition().getExpressions().forEach(e -> {
            if (!e.isNegated()) {
                request.addParameter(e.getName(), e.getValue() == null ? "1" : e.getValue());
            }
        });
        info.getHeadersCondition().getExpressions().forEach(e -> {
            if (!e.isNegated()) {
                request.addHeader(e.getName(), e.getValue() == null ? "1" : e.getValue());
            }
        });
        info.getProducesCondition().getProducibleMediaTypes().stream().findFirst()
                .ifPresent(type -> request.addHeader("Accept", type.toString()));
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private static HandlerMethod handler(HandlerExecutionChain chain) {
        return chain == null ? null : (HandlerMethod) chain.getHandler();
    }
}
