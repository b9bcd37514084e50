package vn.gov.egov.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the controller method of a path with variables ({@code /api/v1/processing/dossiers/{code}/…}) among the
 * mappings that share its first three literal segments, instead of trying all of the platform's ≈ 330 mappings on
 * every request. Only a single unambiguous match is taken here; anything else (no match, several, a CORS pre-flight,
 * an encoded or unusual path) goes to Spring's own full lookup, so the answers (405, 415, ambiguity errors) are the
 * same as without the index.
 */
class IndexedRequestMappings extends RequestMappingHandlerMapping {

    private static final int KEY_SEGMENTS = 3;

    private record Index(Map<String, List<RequestMappingInfo>> direct, Map<String, List<RequestMappingInfo>> byPrefix,
                         List<RequestMappingInfo> anywhere, Map<RequestMappingInfo, HandlerMethod> handlers) {
    }

    private volatile Index index;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index current = index();
        if (current == null || unusual(lookupPath) || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        // as Spring does: mappings of exactly this path first, patterns only when none of them matches
        List<RequestMappingInfo> direct = current.direct().get(lookupPath);
        List<List<RequestMappingInfo>> patterns = List.of(current.byPrefix().getOrDefault(key(lookupPath), List.of()), current.anywhere());
        Match match = direct == null ? Match.NONE : onlyMatch(List.of(direct), request);
        if (match == Match.NONE) {
            match = onlyMatch(patterns, request);
        }
        if (match == Match.NONE || match == Match.SEVERAL) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        HandlerMethod handler = current.handlers().get(match.mapping());
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(match.matched(), lookupPath, request);
        return handler;
    }

    /** The one mapping (as registered, and as matched for this request) of these that matches; or none, or several. */
    private record Match(RequestMappingInfo mapping, RequestMappingInfo matched) {
        /** Compared by identity: two distinct markers. */
        static final Match NONE = new Match(null, null);
        static final Match SEVERAL = new Match(null, null);
    }

    private Match onlyMatch(List<List<RequestMappingInfo>> tiers, HttpServletRequest request) {
        Match only = Match.NONE;
        for (List<RequestMappingInfo> infos : tiers) {
            for (RequestMappingInfo info : infos) {
                RequestMappingInfo matched = getMatchingMapping(info, request);
                if (matched != null) {
                    if (only != Match.NONE) {
                        return Match.SEVERAL; // Spring chooses the best one
                    }
                    only = new Match(info, matched);
                }
            }
        }
        return only;
    }

    /** Spring's own lookup over every mapping (for tests comparing both). */
    HandlerMethod fullLookup(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    private Index index() {
        Index current = index;
        if (current == null) {
            current = build();
            index = current;
        }
        return current;
    }

    /** {@code null} when a mapping cannot be placed (no path patterns: another path matcher is configured). */
    private Index build() {
        Map<RequestMappingInfo, HandlerMethod> handlers = getHandlerMethods();
        Map<String, List<RequestMappingInfo>> direct = new HashMap<>();
        Map<String, List<RequestMappingInfo>> byPrefix = new HashMap<>();
        List<RequestMappingInfo> anywhere = new ArrayList<>();
        for (RequestMappingInfo info : handlers.keySet()) {
            PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
            if (patterns == null) {
                return null;
            }
            for (String path : patterns.getDirectPaths()) {
                direct.computeIfAbsent(path, k -> new ArrayList<>()).add(info);
            }
            List<String> keys = new ArrayList<>();
            for (PathPattern pattern : patterns.getPatterns()) {
                String key = literalKey(pattern.getPatternString());
                if (key == null) {
                    keys = null;
                    break;
                }
                keys.add(key);
            }
            if (keys == null || keys.isEmpty()) {
                anywhere.add(info);
            } else {
                keys.stream().distinct().forEach(key -> byPrefix.computeIfAbsent(key, k -> new ArrayList<>()).add(info));
            }
        }
        return new Index(direct, byPrefix, List.copyOf(anywhere), handlers);
    }

    /**
     * The bucket of a pattern: its first three segments when they are literal, or the whole pattern when it is literal
     * and shorter; {@code null} (tried for every path) otherwise.
     */
    static String literalKey(String pattern) {
        String[] segments = segments(pattern);
        int literal = 0;
        while (literal < segments.length && literal < KEY_SEGMENTS && isLiteral(segments[literal])) {
            literal++;
        }
        if (literal == KEY_SEGMENTS || (literal == segments.length && literal > 0)) {
            return String.join("/", java.util.Arrays.copyOf(segments, literal));
        }
        return null;
    }

    /** The bucket a request path looks in: the same rule as {@link #literalKey} applied to the path. */
    static String key(String path) {
        String[] segments = segments(path);
        return String.join("/", java.util.Arrays.copyOf(segments, Math.min(KEY_SEGMENTS, segments.length)));
    }

    /** Paths whose segments Spring may read differently from a plain split (encoded characters, matrix variables, "//"). */
    static boolean unusual(String path) {
        return path.isEmpty() || path.charAt(0) != '/' || path.indexOf('%') >= 0 || path.indexOf(';') >= 0 || path.contains("//")
                || path.endsWith("/");
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static boolean isLiteral(String segment) {
        return !segment.isEmpty() && segment.indexOf('{') < 0 && segment.indexOf('*') < 0 && segment.indexOf('?') < 0;
    }

    /** Same name as Spring's attribute, read by interceptors and views. */
    private static final String BEST_MATCHING_HANDLER_ATTRIBUTE = HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE;
}
