package vn.gov.egov.lgsp.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A horizontal bar chart drawn by the server as SVG (no script), like the statistics pages': one row per item, label
 * and value above the bar, so that it reads on a phone. The same numbers are in the table beside it.
 */
record BarChart(String title, String description, List<Bar> bars, int height) {

    static final int ROW = 44;
    static final int MAX_BARS = 20;

    /** @param width percentage of the chart's width, 0–100 */
    record Bar(String label, String value, double width, int y, boolean alarm) {

        public String widthPercent() {
            return String.format(Locale.ROOT, "%.2f%%", width);
        }

        public int labelY() {
            return y + 14;
        }

        public int barY() {
            return y + 20;
        }

        public String fill() {
            return alarm ? "#a4262c" : "#1d4f91";
        }
    }

    static <T> BarChart of(String title, String empty, String description, List<T> items, Function<T, String> label,
                           ToDoubleFunction<T> value, Function<T, String> text, java.util.function.Predicate<T> alarm) {
        double max = items.stream().mapToDouble(value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (T item : items) {
            if (bars.size() == MAX_BARS) {
                break;
            }
            double v = value.applyAsDouble(item);
            bars.add(new Bar(label.apply(item), text.apply(item), max <= 0 ? 0.5 : Math.max(0.5, 100 * v / max), y,
                    alarm.test(item)));
            y += ROW;
        }
        return new BarChart(title, bars.isEmpty() ? empty : description, bars, Math.max(ROW, y));
    }
}
