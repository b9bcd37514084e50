package vn.gov.egov.eform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A filled form's values as a person writes them, for its pages and its paper alike. */
final class WrittenForm {

    static final String NOT_FILLED = "—";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private WrittenForm() {
    }

    /** The filled fields in the form's order; fields left empty are left out, groups and rows without any are too. */
    static List<FormLine> lines(FormRendering.RenderedForm view) {
        List<FormLine> lines = new ArrayList<>();
        for (FormRendering.Group group : view.groups()) {
            List<FormLine> fields = new ArrayList<>();
            int depth = group.legend() == null ? 0 : 1;
            group.fields().forEach(field -> field(field, depth, fields));
            if (!fields.isEmpty() && group.legend() != null) {
                lines.add(new FormLine(group.legend(), "", 0));
            }
            lines.addAll(fields);
        }
        return lines;
    }

    private static void field(FormRendering.Field field, int depth, List<FormLine> lines) {
        switch (field.kind()) {
            case "object" -> titled(field.label(), depth, field.children(), lines);
            case "array" -> field.rows().forEach(row -> titled(row.legend(), depth, row.fields(), lines));
            default -> {
                if (filled(field)) {
                    lines.add(new FormLine(field.label(), text(field), depth));
                }
            }
        }
    }

    private static void titled(String title, int depth, List<FormRendering.Field> fields, List<FormLine> lines) {
        List<FormLine> inner = new ArrayList<>();
        fields.forEach(child -> field(child, depth + 1, inner));
        if (!inner.isEmpty()) {
            lines.add(new FormLine(title, "", depth));
            lines.addAll(inner);
        }
    }

    static boolean filled(FormRendering.Field field) {
        return "input".equals(field.kind()) && field.value() != null && !field.value().isBlank();
    }

    /** A value as a person writes it: dates dd/MM/yyyy, amounts grouped by thousands, an option by its title, yes or no. */
    static String text(FormRendering.Field field) {
        if (!"input".equals(field.kind())) {
            return "";
        }
        if ("checkbox".equals(field.widget())) {
            return field.checked() ? "Có" : "Không";
        }
        String value = field.value();
        if (value == null || value.isBlank()) {
            return NOT_FILLED;
        }
        if (!field.options().isEmpty()) {
            return field.options().stream().filter(FormRendering.Option::selected).map(FormRendering.Option::label)
                    .findFirst().orElse(value);
        }
        if ("date".equals(field.inputType())) {
            try {
                return LocalDate.parse(value).format(DAY);
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        if ("number".equals(field.inputType())) {
            try {
                DecimalFormat grouped = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
                return grouped.format(new BigDecimal(value));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }
}
