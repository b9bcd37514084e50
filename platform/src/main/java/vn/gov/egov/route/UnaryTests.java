package vn.gov.egov.route;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S-FEEL input entry of a decision table: {@code -} (anything), literals ({@code "text"}, numbers, true/false,
 * null), comparisons ({@code < <= > >=}), ranges ({@code [a..b]}, {@code (a..b)}, {@code ]a..b[}), lists of these
 * separated by commas, and {@code not(...)} of a list.
 */
final class UnaryTests {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(.+)", Pattern.DOTALL);
    private static final Pattern RANGE = Pattern.compile("([\\[(\\]])\\s*(.+?)\\s*\\.\\.\\s*(.+?)\\s*([\\])\\[])", Pattern.DOTALL);

    private final String text;
    private final Predicate<Object> test;

    private UnaryTests(String text, Predicate<Object> test) {
        this.text = text;
        this.test = test;
    }

    boolean test(Object value) {
        return test.test(value);
    }

    @Override
    public String toString() {
        return text;
    }

    /** @throws IllegalArgumentException with a Vietnamese reason */
    static UnaryTests parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equals("-")) {
            return new UnaryTests("-", v -> true);
        }
        if (t.startsWith("not(") || t.startsWith("not (")) {
            if (!t.endsWith(")")) {
                throw new IllegalArgumentException("thiếu dấu ')' đóng not(...)");
            }
            Predicate<Object> inner = list(t.substring(t.indexOf('(') + 1, t.length() - 1));
            return new UnaryTests(t, inner.negate());
        }
        return new UnaryTests(t, list(t));
    }

    private static Predicate<Object> list(String text) {
        List<String> items = splitList(text);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("danh sách điều kiện trống");
        }
        List<Predicate<Object>> tests = new ArrayList<>();
        for (String item : items) {
            tests.add(single(item));
        }
        return v -> tests.stream().anyMatch(p -> p.test(v));
    }

    private static Predicate<Object> single(String item) {
        if (item.equals("-")) {
            throw new IllegalArgumentException("'-' chỉ dùng một mình, không trong danh sách");
        }
        Matcher comparison = COMPARISON.matcher(item);
        if (comparison.matches()) {
            String operator = comparison.group(1);
            Object bound = endpoint(comparison.group(2).strip());
            return v -> {
                Integer c = compare(v, bound);
                if (c == null) {
                    return false;
                }
                return switch (operator) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            };
        }
        Matcher range = RANGE.matcher(item);
        if (range.matches() && !item.startsWith("\"")) {
            boolean lowIncluded = range.group(1).equals("[");
            boolean highIncluded = range.group(4).equals("]");
            Object low = endpoint(range.group(2));
            Object high = endpoint(range.group(3));
            if ((low instanceof BigDecimal) != (high instanceof BigDecimal)) {
                throw new IllegalArgumentException("hai đầu khoảng phải cùng là số hoặc cùng là chuỗi");
            }
            return v -> {
                Integer a = compare(v, low);
                Integer b = compare(v, high);
                return a != null && b != null && (lowIncluded ? a >= 0 : a > 0) && (highIncluded ? b <= 0 : b < 0);
            };
        }
        Object literal = literal(item);
        return v -> same(literal, v);
    }

    private static Object endpoint(String text) {
        Object value = literal(text);
        if (!(value instanceof BigDecimal) && !(value instanceof String)) {
            throw new IllegalArgumentException("'%s' phải là số hoặc chuỗi để so sánh".formatted(text));
        }
        return value;
    }

    /** A literal: {@code "text"}, a number, true, false or null. */
    static Object literal(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            String inner = t.substring(1, t.length() - 1);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    out.append(inner.charAt(++i));
                } else if (c == '"') {
                    throw new IllegalArgumentException("dấu '\"' trong chuỗi phải viết là \\\"");
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        if (NUMBER.matcher(t).matches()) {
            return new BigDecimal(t);
        }
        return switch (t) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> throw new IllegalArgumentException("'%s' không phải giá trị (chuỗi trong dấu \"\", số, true, false)".formatted(t));
        };
    }

    /** Equality of a literal and an input: numbers by value (also a number written as text), strings exactly. */
    static boolean same(Object literal, Object value) {
        if (literal == null || value == null) {
            return literal == null && value == null;
        }
        if (literal instanceof BigDecimal number) {
            BigDecimal other = number(value);
            return other != null && number.compareTo(other) == 0;
        }
        return literal.equals(value instanceof BigDecimal || value instanceof Number ? value.toString() : value);
    }

    private static Integer compare(Object value, Object bound) {
        if (value == null) {
            return null;
        }
        if (bound instanceof BigDecimal number) {
            BigDecimal other = number(value);
            return other == null ? null : other.compareTo(number);
        }
        return value instanceof String text ? Integer.signum(text.compareTo((String) bound)) : null;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String text && NUMBER.matcher(text.strip()).matches()) {
            return new BigDecimal(text.strip());
        }
        return null;
    }

    /** Splits at the commas that are outside strings, brackets and parentheses. */
    static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if ((c == '[' || c == '(' || c == ']') && (current.toString().isBlank() || depth == 0 && c != ']')) {
                // an opening bracket starts an item (or a call such as not(...)); "]a..b[" opens with ']'
                depth++;
            } else if ((c == ']' || c == ')' || c == '[') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (inString) {
            throw new IllegalArgumentException("chuỗi chưa đóng dấu '\"'");
        }
        if (!current.toString().isBlank() || !items.isEmpty()) {
            items.add(current.toString().strip());
        }
        for (String item : items) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException("có phần tử trống giữa hai dấu phẩy");
            }
        }
        return items;
    }
}
