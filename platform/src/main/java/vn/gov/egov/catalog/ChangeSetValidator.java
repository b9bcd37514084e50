package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Tries a change set on a catalog's timeline and lists every rule it breaks, row by row and field by field; the
 * change is applied only when the list is empty. Pure logic: the store's answers come in as arguments.
 */
final class ChangeSetValidator {

    record Succession(String predecessorCode, String successorCode, LocalDate effectiveDate, boolean partial) {
    }

    record Outcome(List<RowError> errors, CatalogTimeline timeline, List<Succession> successions, Set<String> touchedCodes) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    static final int MAX_NAME = 500;
    static final int MAX_CODE = 64;
    private static final Pattern DEFAULT_CODE = Pattern.compile("[\\p{L}\\p{N}._\\-]{1,64}");
    private static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private final CatalogDefinition definition;
    private final BiPredicate<String, String> referenceExists;
    private final List<RowError> errors = new ArrayList<>();
    private final Map<String, Integer> lineOfCode = new LinkedHashMap<>();

    ChangeSetValidator(CatalogDefinition definition, BiPredicate<String, String> referenceExists) {
        this.definition = definition;
        this.referenceExists = referenceExists;
    }

    Outcome validate(ChangeSet change, CatalogTimeline timeline) {
        Map<String, List<CatalogEntry>> givenByCode = new HashMap<>();
        Map<CatalogEntry, Integer> lineOfEntry = new HashMap<>();
        List<CatalogEntry> accepted = new ArrayList<>();
        for (EntryRow row : change.rows()) {
            CatalogEntry entry = toEntry(row);
            if (entry == null) {
                continue;
            }
            boolean overlapping = false;
            for (CatalogEntry earlier : givenByCode.getOrDefault(entry.code(), List.of())) {
                if (CatalogTimeline.overlaps(earlier, entry.validFrom(), entry.validTo())) {
                    overlapping = true;
                    errors.add(RowError.of(row.line(), "valid_from", "overlap",
                            "Mã '%s' có hai phiên bản trùng thời gian hiệu lực (dòng %d và dòng %d)"
                                    .formatted(entry.code(), lineOfEntry.get(earlier), row.line())));
                }
            }
            givenByCode.computeIfAbsent(entry.code(), c -> new ArrayList<>()).add(entry);
            lineOfEntry.put(entry, row.line());
            lineOfCode.put(entry.code(), row.line());
            if (!overlapping) {
                accepted.add(entry);
            }
        }
        // rows with errors are left out, so that the rules of the tree are still checked for all the others
        accepted.forEach(timeline::put);
        for (ChangeSet.Retirement retirement : change.retirements()) {
            if (!timeline.exists(retirement.code())) {
                errors.add(RowError.of(retirement.line(), "code", "unknown-code",
                        "Không có mục mã '%s' trong danh mục".formatted(retirement.code())));
            } else if (!timeline.retire(retirement.code(), retirement.on())) {
                errors.add(RowError.of(retirement.line(), "valid_to", "not-valid",
                        "Mục '%s' không còn hiệu lực từ ngày %s".formatted(retirement.code(), retirement.on())));
            }
            lineOfCode.put(retirement.code(), retirement.line());
        }
        checkTree(timeline);
        checkUnique(timeline);
        List<Succession> successions = errors.isEmpty() ? successions(change, timeline) : List.of();
        return new Outcome(List.copyOf(errors), timeline, successions, new LinkedHashSet<>(lineOfCode.keySet()));
    }

    private CatalogEntry toEntry(EntryRow row) {
        int before = errors.size();
        int line = row.line();
        String code = trim(row.code());
        String name = trim(row.name());
        Pattern codePattern = codePattern();
        if (code == null) {
            errors.add(RowError.of(line, "code", "required", "Thiếu mã"));
        } else if (code.length() > MAX_CODE || !codePattern.matcher(code).matches()) {
            errors.add(RowError.of(line, "code", "pattern",
                    "Mã '%s' không đúng định dạng %s".formatted(code, codePattern.pattern())));
        }
        if (name == null) {
            errors.add(RowError.of(line, "name", "required", "Thiếu tên"));
        } else if (name.length() > MAX_NAME) {
            errors.add(RowError.of(line, "name", "max-length", "Tên dài quá %d ký tự".formatted(MAX_NAME)));
        }
        String nameEn = trim(row.nameEn());
        if (nameEn != null && nameEn.length() > MAX_NAME) {
            errors.add(RowError.of(line, "name_en", "max-length", "Tên tiếng Anh dài quá %d ký tự".formatted(MAX_NAME)));
        }
        String parent = trim(row.parentCode());
        if (parent != null && !definition.hierarchical()) {
            errors.add(RowError.of(line, "parent_code", "flat-catalog",
                    "Danh mục '%s' không phân cấp nên không có mã cha".formatted(definition.code())));
        }
        if (parent != null && parent.equals(code)) {
            errors.add(RowError.of(line, "parent_code", "cycle", "Một mục không thể là cha của chính nó"));
        }
        LocalDate from = date(line, "valid_from", row.validFrom(), true);
        LocalDate to = date(line, "valid_to", row.validTo(), false);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(RowError.of(line, "valid_to", "period",
                    "Ngày hết hiệu lực (%s) phải sau ngày bắt đầu hiệu lực (%s)".formatted(to, from)));
        }
        Map<String, String> attributes = attributes(line, row.attributes());
        if (errors.size() > before) {
            return null;
        }
        return new CatalogEntry(definition.code(), code, name, nameEn, parent, from, to, attributes);
    }

    private Map<String, String> attributes(int line, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String value = trim(e.getValue());
            if (definition.attribute(e.getKey()).isEmpty()) {
                if (value != null) {
                    errors.add(RowError.of(line, e.getKey(), "unknown-attribute",
                            "Danh mục '%s' không có thuộc tính '%s'".formatted(definition.code(), e.getKey())));
                }
                continue;
            }
            if (value != null) {
                values.put(e.getKey(), value);
            }
        }
        for (AttributeDefinition attribute : definition.attributes()) {
            String value = values.get(attribute.name());
            if (value == null) {
                if (attribute.required()) {
                    errors.add(RowError.of(line, attribute.name(), "required",
                            "Thiếu giá trị thuộc tính bắt buộc '%s' (%s)".formatted(attribute.name(), attribute.label())));
                }
                continue;
            }
            String problem = typeProblem(attribute, value);
            if (problem != null) {
                errors.add(RowError.of(line, attribute.name(), problem.substring(0, problem.indexOf('|')),
                        problem.substring(problem.indexOf('|') + 1)));
            }
        }
        return values;
    }

    private String typeProblem(AttributeDefinition attribute, String value) {
        String label = "'%s' (%s)".formatted(attribute.name(), attribute.label());
        switch (attribute.type()) {
            case INTEGER -> {
                if (!value.matches("-?\\d{1,18}")) {
                    return "type|Thuộc tính %s phải là số nguyên, không phải '%s'".formatted(label, value);
                }
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    return "type|Thuộc tính %s phải là true hoặc false, không phải '%s'".formatted(label, value);
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    return "date-format|Thuộc tính %s phải là ngày dạng YYYY-MM-DD, không phải '%s'".formatted(label, value);
                }
            }
            case ENUM -> {
                if (!attribute.values().contains(value)) {
                    return "enum|Thuộc tính %s chỉ nhận một trong các giá trị %s, không phải '%s'"
                            .formatted(label, attribute.values(), value);
                }
            }
            case REFERENCE -> {
                if (!referenceExists.test(attribute.referenceCatalog(), value)) {
                    return "reference|Thuộc tính %s: không có mã '%s' trong danh mục '%s'"
                            .formatted(label, value, attribute.referenceCatalog());
                }
            }
            case STRING -> {
                // only the pattern below
            }
        }
        if (attribute.pattern() != null && !value.matches(attribute.pattern())) {
            return "pattern|Thuộc tính %s có giá trị '%s' không đúng định dạng %s".formatted(label, value, attribute.pattern());
        }
        return null;
    }

    private void checkTree(CatalogTimeline timeline) {
        for (String code : lineOfCode.keySet()) {
            Integer line = lineOfCode.get(code);
            for (CatalogEntry version : timeline.versions(code)) {
                String parent = version.parentCode();
                if (parent == null) {
                    continue;
                }
                if (!timeline.exists(parent)) {
                    errors.add(RowError.of(line, "parent_code", "unknown-parent",
                            "Không có mục cha mã '%s' trong danh mục".formatted(parent)));
                } else if (!timeline.covers(parent, version.validFrom(), version.validTo())) {
                    errors.add(RowError.of(line, "parent_code", "parent-not-valid",
                            "Mục cha '%s' không có hiệu lực suốt thời gian %s".formatted(parent, period(version))));
                } else if (formsCycle(timeline, version)) {
                    errors.add(RowError.of(line, "parent_code", "cycle",
                            "Mã cha '%s' tạo thành vòng lặp trong cây".formatted(parent)));
                }
            }
        }
        Set<String> touched = lineOfCode.keySet();
        for (CatalogEntry child : timeline.all()) {
            String parent = child.parentCode();
            if (parent == null || !touched.contains(parent) || touched.contains(child.code())) {
                continue;
            }
            if (!timeline.covers(parent, child.validFrom(), child.validTo())) {
                errors.add(RowError.of(lineOfCode.get(parent), "valid_to", "orphan",
                        "Thay đổi này làm mục con '%s' (%s, %s) mất mục cha '%s'; hãy chuyển hoặc kết thúc mục con trước"
                                .formatted(child.code(), child.name(), period(child), parent)));
            }
        }
    }

    private static boolean formsCycle(CatalogTimeline timeline, CatalogEntry version) {
        Set<String> seen = new HashSet<>();
        seen.add(version.code());
        String current = version.parentCode();
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (!seen.add(current)) {
                return true;
            }
            current = timeline.at(current, version.validFrom()).map(CatalogEntry::parentCode).orElse(null);
        }
        return false;
    }

    private void checkUnique(CatalogTimeline timeline) {
        for (AttributeDefinition attribute : definition.attributes()) {
            if (!attribute.unique()) {
                continue;
            }
            Map<String, List<CatalogEntry>> byValue = new HashMap<>();
            timeline.all().stream().filter(e -> e.attribute(attribute.name()) != null)
                    .forEach(e -> byValue.computeIfAbsent(e.attribute(attribute.name()), v -> new ArrayList<>()).add(e));
            for (String code : lineOfCode.keySet()) {
                for (CatalogEntry version : timeline.versions(code)) {
                    String value = version.attribute(attribute.name());
                    if (value == null) {
                        continue;
                    }
                    byValue.getOrDefault(value, List.of()).stream()
                            .filter(other -> !other.code().equals(code))
                            .filter(other -> CatalogTimeline.overlaps(other, version.validFrom(), version.validTo()))
                            .findFirst()
                            .ifPresent(other -> errors.add(RowError.of(lineOfCode.get(code), attribute.name(), "unique",
                                    "Giá trị '%s' của thuộc tính '%s' đã dùng cho mục '%s' trong cùng thời gian"
                                            .formatted(value, attribute.name(), other.code()))));
                }
            }
        }
    }

    private List<Succession> successions(ChangeSet change, CatalogTimeline timeline) {
        List<Succession> result = new ArrayList<>();
        for (ChangeSet.SuccessionRow row : change.successions()) {
            LocalDate effective = date(row.line(), "effective_date", row.effectiveDate(), true);
            String partialText = trim(row.partial());
            if (partialText != null && !partialText.equals("true") && !partialText.equals("false")) {
                errors.add(RowError.of(row.line(), "partial", "type", "Cột partial phải là true hoặc false"));
            }
            String predecessor = trim(row.predecessorCode());
            String successor = trim(row.successorCode());
            if (predecessor == null || successor == null) {
                errors.add(RowError.of(row.line(), predecessor == null ? "predecessor_code" : "successor_code",
                        "required", "Thiếu mã mục trước hoặc mục sau"));
                continue;
            }
            if (effective == null) {
                continue;
            }
            if (timeline.at(predecessor, effective.minusDays(1)).isEmpty()) {
                errors.add(RowError.of(row.line(), "predecessor_code", "not-valid",
                        "Mục '%s' không có hiệu lực ngày %s, trước ngày chuyển đổi".formatted(predecessor, effective.minusDays(1))));
            }
            if (timeline.at(successor, effective).isEmpty()) {
                errors.add(RowError.of(row.line(), "successor_code", "not-valid",
                        "Mục '%s' không có hiệu lực từ ngày chuyển đổi %s".formatted(successor, effective)));
            }
            result.add(new Succession(predecessor, successor, effective, "true".equals(partialText)));
            lineOfCode.putIfAbsent(successor, row.line());
        }
        return result;
    }

    private LocalDate date(int line, String field, String text, boolean required) {
        String value = trim(text);
        if (value == null) {
            if (required) {
                errors.add(RowError.of(line, field, "required", "Thiếu ngày ở cột %s".formatted(field)));
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                errors.add(RowError.of(line, field, "date-range",
                        "Ngày %s nằm ngoài khoảng cho phép %s – %s".formatted(value, EARLIEST, LATEST)));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(RowError.of(line, field, "date-format",
                    "Ngày '%s' ở cột %s không đúng định dạng YYYY-MM-DD".formatted(value, field)));
            return null;
        }
    }

    private Pattern codePattern() {
        if (definition.codePattern() == null) {
            return DEFAULT_CODE;
        }
        try {
            return Pattern.compile(definition.codePattern());
        } catch (PatternSyntaxException e) {
            return DEFAULT_CODE;
        }
    }

    private static String period(CatalogEntry e) {
        return "từ " + e.validFrom() + (e.validTo() == null ? "" : " đến trước " + e.validTo());
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
        return trimmed.isEmpty() ? null : trimmed;
    }
}
