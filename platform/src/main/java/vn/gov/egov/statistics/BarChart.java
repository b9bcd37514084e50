package vn.gov.egov.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart drawn by the server as SVG (no script): one row per group, its label and value above its bar,
 * so that it reads on a phone. The same numbers are in the table below it.
 */
record BarChart(String title, String description, List<Bar> bars, int height) {

    static final int ROW = 44;
    static final int MAX_BARS = 25;

    /** @param width percentage of the chart's width, 0–100 */
    record Bar(String label, String value, double width, int y) {

        public String widthPercent() {
            return String.format(Locale.ROOT, "%.2f%%", width);
        }

        public int labelY() {
            return y + 14;
        }

        public int barY() {
            return y + 20;
        }
    }

    /** The on-time rates of the largest groups (by dossiers to handle). */
    static BarChart onTimeRates(StatisticsReport report, String title) {
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (StatisticsReport.GroupCounts g : report.groups()) {
            if (bars.size() == MAX_BARS) {
                break;
            }
            Double rate = g.counts().onTimeRate();
            if (rate == null) {
                continue;
            }
            bars.add(new Bar(label(g.name()), StatisticsFormat.percent(rate) + " (" + g.counts().received().toHandle() + " hồ sơ)",
                    Math.max(0.5, rate), y));
            y += ROW;
        }
        int shown = bars.size();
        String description = shown == 0 ? "Chưa có hồ sơ phải giải quyết trong kỳ."
                : "Tỷ lệ giải quyết đúng hạn của %d %s có nhiều hồ sơ phải giải quyết nhất, từ %s đến %s; số liệu đầy đủ ở bảng dưới."
                        .formatted(shown, report.groupBy().equals("agency") ? "cơ quan" : report.groupBy().equals("field") ? "lĩnh vực" : "thủ tục",
                                StatisticsFormat.date(report.from()), StatisticsFormat.date(report.to()));
        return new BarChart(title, description, bars, Math.max(ROW, y));
    }

    private static String label(String name) {
        return name.length() > 70 ? name.substring(0, 69) + "…" : name;
    }
}
