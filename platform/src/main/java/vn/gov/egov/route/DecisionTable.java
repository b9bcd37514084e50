package vn.gov.egov.route;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A DMN 1.3 decision table, read with the JDK's XML parser (no DTDs, no external entities) and evaluated by this
 * module: hit policies UNIQUE, FIRST, PRIORITY and COLLECT (no aggregation); inputs are variable names or dotted
 * paths into the {@code form} JSON variable; input entries are S-FEEL unary tests ({@code -}, literals, comparisons,
 * ranges, lists, {@code not(...)}); output entries are literals.
 */
record DecisionTable(String key, String name, HitPolicy hitPolicy, List<Input> inputs, List<Output> outputs, List<Rule> rules) {

    enum HitPolicy { UNIQUE, FIRST, PRIORITY, COLLECT }

    record Input(String label, String expression) {
    }

    /** @param priorities the output's values in priority order (PRIORITY), else empty */
    record Output(String name, String label, List<Object> priorities) {
    }

    record Rule(int number, String id, List<UnaryTests> inputEntries, List<Object> outputEntries) {
    }

    /** No rule matched (every hit policy) or several matched a UNIQUE table. */
    static final class Unmatched extends RuntimeException {
        Unmatched(String message) {
            super(message);
        }
    }

    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads and checks a DMN file; refused with every problem naming the rule and column. */
    static DecisionTable parse(String xml) {
        Document document = document(xml);
        Element root = document.getDocumentElement();
        if (!"definitions".equals(root.getLocalName())) {
            throw new RouteRefused("dmn", "root", "Tệp DMN phải bắt đầu bằng phần tử <definitions> (DMN 1.3)");
        }
        List<Element> decisions = children(root, "decision");
        List<Element> tables = new ArrayList<>();
        Element decision = null;
        for (Element d : decisions) {
            List<Element> t = children(d, "decisionTable");
            if (!t.isEmpty()) {
                tables.addAll(t);
                decision = d;
            }
        }
        if (tables.size() != 1) {
            throw new RouteRefused("dmn", "one-table", "Tệp DMN phải có đúng một quyết định dạng bảng (decisionTable), đang có %d"
                    .formatted(tables.size()));
        }
        String key = decision.getAttribute("id").strip();
        String name = decision.getAttribute("name").isBlank() ? key : decision.getAttribute("name").strip();
        List<RouteProblem> problems = new ArrayList<>();
        if (!KEY.matcher(key).matches()) {
            problems.add(new RouteProblem("decision", "key", "Mã quyết định (id) '%s' không đúng dạng: chữ cái đầu, sau đó chữ, số, '-', '_' hoặc '.'"
                    .formatted(key)));
        }
        Element table = tables.get(0);
        String policyText = table.getAttribute("hitPolicy").isBlank() ? "UNIQUE" : table.getAttribute("hitPolicy").strip();
        HitPolicy policy = null;
        try {
            policy = HitPolicy.valueOf(policyText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new RouteProblem("hitPolicy", "hit-policy", "Chính sách khớp (hitPolicy) '%s' không được hỗ trợ; dùng UNIQUE, FIRST, PRIORITY hoặc COLLECT"
                    .formatted(policyText)));
        }
        if (!table.getAttribute("aggregation").isBlank()) {
            problems.add(new RouteProblem("aggregation", "aggregation", "Không hỗ trợ tổng hợp (aggregation=%s) cho COLLECT"
                    .formatted(table.getAttribute("aggregation"))));
        }
        List<Input> inputs = new ArrayList<>();
        int column = 0;
        for (Element input : children(table, "input")) {
            column++;
            String label = label(input, "Đầu vào " + column);
            Element expression = first(input, "inputExpression");
            String text = expression == null ? "" : text(first(expression, "text"));
            if (!PATH.matcher(text).matches()) {
                problems.add(new RouteProblem("input[" + column + "]", "input-expression",
                        "Cột đầu vào %d ('%s'): biểu thức '%s' phải là tên biến (applicantCommune) hoặc đường dẫn trong biểu mẫu (form.diaBan.maXa)"
                                .formatted(column, label, text)));
            }
            inputs.add(new Input(label, text));
        }
        List<Output> outputs = new ArrayList<>();
        column = 0;
        for (Element output : children(table, "output")) {
            column++;
            String outputName = output.getAttribute("name").strip();
            String label = label(output, outputName);
            List<Object> priorities = new ArrayList<>();
            Element values = first(output, "outputValues");
            if (values != null) {
                String valuesText = text(first(values, "text"));
                try {
                    for (String item : UnaryTests.splitList(valuesText)) {
                        priorities.add(UnaryTests.literal(item));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new RouteProblem("output[" + column + "]", "output-values",
                            "Cột kết quả %d ('%s'): danh sách giá trị (outputValues) không hợp lệ: %s".formatted(column, label, e.getMessage())));
                }
            }
            if (!outputName.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add(new RouteProblem("output[" + column + "]", "output-name",
                        "Cột kết quả %d ('%s'): thuộc tính name '%s' phải là tên biến (chữ, số, '_')".formatted(column, label, outputName)));
            }
            if (policy == HitPolicy.PRIORITY && priorities.isEmpty() && column == 1) {
                problems.add(new RouteProblem("output[1]", "priority-values",
                        "Chính sách PRIORITY cần danh sách giá trị ưu tiên (outputValues) ở cột kết quả đầu tiên ('%s')".formatted(label)));
            }
            outputs.add(new Output(outputName, label, List.copyOf(priorities)));
        }
        if (inputs.isEmpty()) {
            problems.add(new RouteProblem("input", "required", "Bảng quyết định cần ít nhất một cột đầu vào"));
        }
        if (outputs.isEmpty()) {
            problems.add(new RouteProblem("output", "required", "Bảng quyết định cần ít nhất một cột kết quả"));
        }
        List<Rule> rules = new ArrayList<>();
        int number = 0;
        for (Element rule : children(table, "rule")) {
            number++;
            String ruleId = rule.getAttribute("id").isBlank() ? "#" + number : rule.getAttribute("id");
            String where = "Quy tắc %d (%s)".formatted(number, ruleId);
            List<Element> inputEntries = children(rule, "inputEntry");
            List<Element> outputEntries = children(rule, "outputEntry");
            if (inputEntries.size() != inputs.size() || outputEntries.size() != outputs.size()) {
                problems.add(new RouteProblem("rule[" + number + "]", "columns",
                        "%s có %d ô đầu vào và %d ô kết quả, bảng có %d cột đầu vào và %d cột kết quả"
                                .formatted(where, inputEntries.size(), outputEntries.size(), inputs.size(), outputs.size())));
                continue;
            }
            List<UnaryTests> tests = new ArrayList<>();
            for (int i = 0; i < inputEntries.size(); i++) {
                String text = text(first(inputEntries.get(i), "text"));
                try {
                    tests.add(UnaryTests.parse(text));
                } catch (IllegalArgumentException e) {
                    problems.add(new RouteProblem("rule[" + number + "].input[" + (i + 1) + "]", "unary-test",
                            "%s, cột đầu vào '%s': điều kiện '%s' không hợp lệ: %s".formatted(where, inputs.get(i).label(), text, e.getMessage())));
                }
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < outputEntries.size(); i++) {
                String text = text(first(outputEntries.get(i), "text"));
                try {
                    Object value = UnaryTests.literal(text);
                    Output output = outputs.get(i);
                    if (!output.priorities().isEmpty() && value != null && output.priorities().stream().noneMatch(p -> UnaryTests.same(p, value))) {
                        problems.add(new RouteProblem("rule[" + number + "].output[" + (i + 1) + "]", "output-value",
                                "%s, cột kết quả '%s': giá trị %s không có trong danh sách giá trị của cột".formatted(where, output.label(), text)));
                    }
                    values.add(value);
                } catch (IllegalArgumentException e) {
                    problems.add(new RouteProblem("rule[" + number + "].output[" + (i + 1) + "]", "output-literal",
                            "%s, cột kết quả '%s': '%s' phải là một giá trị (\"chuỗi\", số, true/false): %s"
                                    .formatted(where, outputs.get(i).label(), text, e.getMessage())));
                }
            }
            rules.add(new Rule(number, ruleId, tests, values));
        }
        if (number == 0) {
            problems.add(new RouteProblem("rule", "required", "Bảng quyết định chưa có quy tắc nào"));
        }
        if (!problems.isEmpty()) {
            throw new RouteRefused(problems);
        }
        return new DecisionTable(key, name, policy, List.copyOf(inputs), List.copyOf(outputs), List.copyOf(rules));
    }

    /**
     * The outputs for these variables: one value per output name; for COLLECT, the list of the matched rules' values.
     *
     * @throws Unmatched when no rule matches, or several match a UNIQUE table
     */
    Map<String, Object> evaluate(Map<String, Object> variables) {
        List<Object> values = new ArrayList<>();
        for (Input input : inputs) {
            values.add(value(input.expression(), variables));
        }
        List<Rule> matched = new ArrayList<>();
        for (Rule rule : rules) {
            boolean all = true;
            for (int i = 0; i < inputs.size() && all; i++) {
                all = rule.inputEntries().get(i).test(values.get(i));
            }
            if (all) {
                matched.add(rule);
                if (hitPolicy == HitPolicy.FIRST) {
                    break;
                }
            }
        }
        if (matched.isEmpty()) {
            throw new Unmatched("Bảng quyết định '%s' không có quy tắc nào khớp với đầu vào %s"
                    .formatted(key, inputs.stream().map(Input::expression).toList()));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        switch (hitPolicy) {
            case UNIQUE -> {
                if (matched.size() > 1) {
                    throw new Unmatched("Bảng quyết định '%s' (UNIQUE) có %d quy tắc cùng khớp: %s"
                            .formatted(key, matched.size(), matched.stream().map(Rule::number).toList()));
                }
                put(result, matched.get(0));
            }
            case FIRST -> put(result, matched.get(0));
            case PRIORITY -> {
                List<Object> order = outputs.get(0).priorities();
                Rule best = matched.get(0);
                for (Rule rule : matched) {
                    if (rank(order, rule.outputEntries().get(0)) < rank(order, best.outputEntries().get(0))) {
                        best = rule;
                    }
                }
                put(result, best);
            }
            case COLLECT -> {
                for (int i = 0; i < outputs.size(); i++) {
                    List<Object> collected = new ArrayList<>();
                    for (Rule rule : matched) {
                        collected.add(rule.outputEntries().get(i));
                    }
                    result.put(outputs.get(i).name(), collected);
                }
            }
        }
        return result;
    }

    List<String> outputNames() {
        return outputs.stream().map(Output::name).toList();
    }

    private void put(Map<String, Object> result, Rule rule) {
        for (int i = 0; i < outputs.size(); i++) {
            result.put(outputs.get(i).name(), rule.outputEntries().get(i));
        }
    }

    private static int rank(List<Object> order, Object value) {
        for (int i = 0; i < order.size(); i++) {
            if (UnaryTests.same(order.get(i), value)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** A variable, or a dotted path into a variable that is a map or a JSON text (the filled form). */
    static Object value(String path, Map<String, Object> variables) {
        String[] parts = path.split("\\.");
        Object at = variables.get(parts[0]);
        for (int i = 1; i < parts.length && at != null; i++) {
            if (at instanceof String text) {
                try {
                    at = JSON.readTree(text);
                } catch (RuntimeException e) {
                    return null;
                }
            }
            if (at instanceof JsonNode node) {
                at = node.get(parts[i]);
            } else if (at instanceof Map<?, ?> map) {
                at = map.get(parts[i]);
            } else {
                return null;
            }
        }
        if (at instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isString()) {
                return node.asString();
            }
            return node.toString();
        }
        if (at instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return at;
    }

    private static Document document(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new RouteRefused("dmn", "empty", "Chưa có nội dung DMN");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new RouteRefused("dmn", "xml", "Tệp DMN không đọc được (XML không hợp lệ hoặc có DOCTYPE): " + message);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element first(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element element) {
        return element == null ? "" : element.getTextContent().strip();
    }

    private static String label(Element element, String fallback) {
        String label = element.getAttribute("label");
        return label.isBlank() ? fallback : label.strip();
    }
}
