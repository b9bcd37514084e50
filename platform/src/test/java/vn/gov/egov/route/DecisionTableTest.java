package vn.gov.egov.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The DMN evaluator: each S-FEEL unary test form, each hit policy, no match, and refusals naming rule and column. */
class DecisionTableTest {

    static String dmn(String hitPolicy, String inputs, String outputs, String... rules) {
        return """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
                  <decision id="bang-thu" name="Bảng thử">
                    <decisionTable id="t"%s>
                      %s
                      %s
                      %s
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(hitPolicy == null ? "" : " hitPolicy=\"" + hitPolicy + "\"", inputs, outputs, String.join("\n", rules));
    }

    static String input(String label, String expression) {
        return "<input label=\"%s\"><inputExpression><text>%s</text></inputExpression></input>".formatted(label, expression);
    }

    static String output(String name) {
        return "<output name=\"%s\" label=\"%s\"/>".formatted(name, name);
    }

    static String rule(String[] inputs, String... outputs) {
        StringBuilder rule = new StringBuilder("<rule>");
        for (String in : inputs) {
            rule.append("<inputEntry><text>").append(xml(in)).append("</text></inputEntry>");
        }
        for (String out : outputs) {
            rule.append("<outputEntry><text>").append(xml(out)).append("</text></outputEntry>");
        }
        return rule.append("</rule>").toString();
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** One input column "x" with one rule of test {@code test}: does value match? */
    static Stream<Arguments> unaryTests() {
        return Stream.of(
                Arguments.of("-", "anything", true),
                Arguments.of("-", null, true),
                Arguments.of("\"05977\"", "05977", true),
                Arguments.of("\"05977\"", "05980", false),
                Arguments.of("\"a, b\"", "a, b", true),
                Arguments.of("\"say \\\"hi\\\"\"", "say \"hi\"", true),
                Arguments.of("100", new BigDecimal("100.0"), true),
                Arguments.of("100", 100, true),
                Arguments.of("100", "100", true),
                Arguments.of("100", 101L, false),
                Arguments.of("true", true, true),
                Arguments.of("true", false, false),
                Arguments.of("false", false, true),
                Arguments.of("< 50", 49, true),
                Arguments.of("< 50", 50, false),
                Arguments.of("<= 50", 50, true),
                Arguments.of("> 50", 50, false),
                Arguments.of(">= 50", 50, true),
                Arguments.of(">= 50", null, false),
                Arguments.of("> \"m\"", "n", true),
                Arguments.of("[10..20]", 10, true),
                Arguments.of("[10..20]", 20, true),
                Arguments.of("[10..20]", 21, false),
                Arguments.of("(10..20)", 10, false),
                Arguments.of("(10..20)", 15.5, true),
                Arguments.of("(10..20]", 20, true),
                Arguments.of("]10..20[", 20, false),
                Arguments.of("]10..20[", 11, true),
                Arguments.of("[\"06001\"..\"06070\"]", "06040", true),
                Arguments.of("[\"06001\"..\"06070\"]", "05977", false),
                Arguments.of("\"a\",\"b\"", "b", true),
                Arguments.of("\"a\",\"b\"", "c", false),
                Arguments.of("< 10, [20..30], 99", 25, true),
                Arguments.of("< 10, [20..30], 99", 15, false),
                Arguments.of("not(\"a\",\"b\")", "c", true),
                Arguments.of("not(\"a\",\"b\")", "a", false),
                Arguments.of("not([1..5])", 6, true),
                Arguments.of("not(null)", null, false),
                Arguments.of("not(null)", "x", true),
                Arguments.of("null", null, true));
    }

    @ParameterizedTest(name = "{0} with {1} → {2}")
    @MethodSource("unaryTests")
    void unaryTestForms(String test, Object value, boolean matches) {
        DecisionTable table = DecisionTable.parse(dmn("FIRST", input("X", "x"), output("out"),
                rule(new String[] {test}, "\"khớp\"")));
        Map<String, Object> variables = new HashMap<>();
        variables.put("x", value);
        if (matches) {
            assertThat(table.evaluate(variables)).containsEntry("out", "khớp");
        } else {
            assertThatThrownBy(() -> table.evaluate(variables)).isInstanceOf(DecisionTable.Unmatched.class)
                    .hasMessageContaining("bang-thu").hasMessageContaining("[x]");
        }
    }

    static final String AMOUNTS = input("Số tiền", "amount");

    @Test
    void uniqueGivesTheOneMatchAndRefusesTwo() {
        DecisionTable table = DecisionTable.parse(dmn(null, AMOUNTS, output("level"),
                rule(new String[] {"< 100"}, "\"thấp\""), rule(new String[] {"[100..500]"}, "\"vừa\""),
                rule(new String[] {">= 500"}, "\"cao\"")));
        assertThat(table.hitPolicy()).isEqualTo(DecisionTable.HitPolicy.UNIQUE);
        assertThat(table.evaluate(Map.of("amount", 250))).containsEntry("level", "vừa");
        // 500 matches rules 2 and 3
        assertThatThrownBy(() -> table.evaluate(Map.of("amount", 500))).isInstanceOf(DecisionTable.Unmatched.class)
                .hasMessageContaining("UNIQUE").hasMessageContaining("[2, 3]");
    }

    @Test
    void firstGivesTheFirstMatchInOrder() {
        DecisionTable table = DecisionTable.parse(dmn("FIRST", AMOUNTS, output("level"),
                rule(new String[] {">= 500"}, "\"cao\""), rule(new String[] {"-"}, "\"khác\"")));
        assertThat(table.evaluate(Map.of("amount", 900))).containsEntry("level", "cao");
        assertThat(table.evaluate(Map.of("amount", 1))).containsEntry("level", "khác");
    }

    @Test
    void priorityGivesTheMatchWhoseOutputComesFirstInTheOutputValues() {
        String outputs = "<output name=\"agency\" label=\"Cơ quan\"><outputValues><text>\"SO-XD\",\"UBND-06040\"</text></outputValues></output>";
        DecisionTable table = DecisionTable.parse(dmn("PRIORITY", AMOUNTS, outputs,
                rule(new String[] {"-"}, "\"UBND-06040\""), rule(new String[] {"> 1000"}, "\"SO-XD\"")));
        assertThat(table.evaluate(Map.of("amount", 5000))).containsEntry("agency", "SO-XD");
        assertThat(table.evaluate(Map.of("amount", 10))).containsEntry("agency", "UBND-06040");
    }

    @Test
    void collectGivesEveryMatchAsAList() {
        DecisionTable table = DecisionTable.parse(dmn("COLLECT", AMOUNTS, output("check") + output("days"),
                rule(new String[] {"> 100"}, "\"thẩm định giá\"", "2"), rule(new String[] {"> 1000"}, "\"hội đồng\"", "5"),
                rule(new String[] {"< 0"}, "\"lỗi\"", "0")));
        Map<String, Object> result = table.evaluate(Map.of("amount", 5000));
        assertThat(result.get("check")).isEqualTo(List.of("thẩm định giá", "hội đồng"));
        assertThat(result.get("days")).isEqualTo(List.of(new BigDecimal("2"), new BigDecimal("5")));
    }

    @Test
    void inputsReadDottedPathsIntoTheFormJson() {
        DecisionTable table = DecisionTable.parse(dmn("FIRST", input("Xã", "form.diaBan.maXa") + input("Diện tích", "form.dienTich"),
                output("decidingAgency"), rule(new String[] {"\"05977\"", "> 250"}, "\"SO-XD\""),
                rule(new String[] {"\"05977\"", "-"}, "\"UBND-05977\"")));
        String form = "{\"diaBan\":{\"maXa\":\"05977\"},\"dienTich\":300.5}";
        assertThat(table.evaluate(Map.of("form", form))).containsEntry("decidingAgency", "SO-XD");
        assertThat(table.evaluate(Map.of("form", "{\"diaBan\":{\"maXa\":\"05977\"},\"dienTich\":80}"))).containsEntry("decidingAgency", "UBND-05977");
        assertThat(table.evaluate(Map.of("form", Map.of("diaBan", Map.of("maXa", "05977")), "x", 1))).containsEntry("decidingAgency", "UBND-05977");
        assertThatThrownBy(() -> table.evaluate(Map.of("form", "{}"))).isInstanceOf(DecisionTable.Unmatched.class);
    }

    @Test
    void theDemonstrationTableDecidesByCommune() throws IOException {
        DecisionTable table;
        try (InputStream in = getClass().getResourceAsStream("/route/demo/co-quan-quyet-dinh.dmn")) {
            table = DecisionTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(table.key()).isEqualTo("co-quan-quyet-dinh");
        assertThat(table.evaluate(Map.of("applicantCommune", "05977"))).containsEntry("decidingAgency", "SO-XD");
        assertThat(table.evaluate(Map.of("applicantCommune", "06040"))).containsEntry("decidingAgency", "UBND-06040");
        assertThat(table.evaluate(Map.of("applicantCommune", "06148"))).containsEntry("decidingAgency", "SO-XD");
        // the applicant's commune unknown: the Department decides
        assertThat(table.evaluate(Map.of())).containsEntry("decidingAgency", "SO-XD");
    }

    static Stream<Arguments> badTables() {
        return Stream.of(
                Arguments.of("bad unary test", dmn("FIRST", AMOUNTS, output("o"), rule(new String[] {"> abc"}, "1")),
                        "rule[1].input[1]", "Quy tắc 1", "cột đầu vào 'Số tiền'"),
                Arguments.of("unclosed string", dmn("FIRST", AMOUNTS, output("o"), rule(new String[] {"\"abc"}, "1")),
                        "rule[1].input[1]", "Quy tắc 1", "'\"abc'"),
                Arguments.of("mixed range", dmn("FIRST", AMOUNTS, output("o"), rule(new String[] {"[1..\"z\"]"}, "1")),
                        "rule[1].input[1]", "Quy tắc 1", "hai đầu khoảng"),
                Arguments.of("output not a literal", dmn("FIRST", AMOUNTS, output("o"), rule(new String[] {"-"}, "amount * 2")),
                        "rule[1].output[1]", "Quy tắc 1", "cột kết quả 'o'"),
                Arguments.of("missing cell", dmn("FIRST", AMOUNTS, output("o"), rule(new String[] {}, "1")),
                        "rule[1]", "Quy tắc 1", "0 ô đầu vào"),
                Arguments.of("expression input", dmn("FIRST", input("Tổng", "a + b"), output("o"), rule(new String[] {"-"}, "1")),
                        "input[1]", "Cột đầu vào 1 ('Tổng')", "'a + b'"),
                Arguments.of("unsupported hit policy", dmn("RULE ORDER", AMOUNTS, output("o"), rule(new String[] {"-"}, "1")),
                        "hitPolicy", "RULE ORDER", "không được hỗ trợ"),
                Arguments.of("priority without values", dmn("PRIORITY", AMOUNTS, output("o"), rule(new String[] {"-"}, "1")),
                        "output[1]", "PRIORITY", "outputValues"),
                Arguments.of("output name not a variable", dmn("FIRST", AMOUNTS, output("co quan"), rule(new String[] {"-"}, "1")),
                        "output[1]", "'co quan'", "tên biến"),
                Arguments.of("no rules", dmn("FIRST", AMOUNTS, output("o")), "rule", "chưa có quy tắc", ""),
                Arguments.of("doctype", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><definitions>&e;</definitions>",
                        "dmn", "DOCTYPE", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTables")
    void badTablesAreRefusedNamingRuleAndColumn(String name, String xml, String element, String where, String why) {
        assertThatThrownBy(() -> DecisionTable.parse(xml)).isInstanceOfSatisfying(RouteRefused.class, refused ->
                assertThat(refused.problems()).anySatisfy(p -> {
                    assertThat(p.element()).isEqualTo(element);
                    assertThat(p.message()).contains(where).contains(why);
                }));
    }
}
