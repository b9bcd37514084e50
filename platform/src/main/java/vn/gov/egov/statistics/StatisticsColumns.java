package vn.gov.egov.statistics;

import java.util.List;
import java.util.function.Function;

/** The columns of the statistics table, its CSV and its XLSX, in one order; a column with a metric opens its dossiers. */
final class StatisticsColumns {

    record Column(String header, Metric metric, boolean rate, Function<DossierCounts, Number> value) {

        Number of(DossierCounts counts) {
            return value.apply(counts);
        }

        public String text(DossierCounts counts) {
            Number n = of(counts);
            if (rate) {
                return n == null ? "–" : StatisticsFormat.percent(n.doubleValue()).replace(" %", "");
            }
            return n == null ? "–" : n.toString();
        }

        /** For the drill-down link, the metric's URL name; {@code null} for rates. */
        public String metricParameter() {
            return metric == null ? null : metric.parameter();
        }
    }

    static final List<Column> ALL = List.of(
            count("Tổng số phải giải quyết", Metric.TO_HANDLE, c -> c.received().toHandle()),
            count("Kỳ trước chuyển qua", Metric.CARRIED_OVER, c -> c.received().carriedOver()),
            count("Tiếp nhận mới trong kỳ", Metric.RECEIVED, c -> c.received().total()),
            count("Tiếp nhận trực tuyến", Metric.RECEIVED_ONLINE, c -> c.received().online()),
            count("Tiếp nhận trực tiếp", Metric.RECEIVED_IN_PERSON, c -> c.received().inPerson()),
            count("Tiếp nhận qua bưu chính", Metric.RECEIVED_BY_POST, c -> c.received().byPost()),
            count("Đã giải quyết", Metric.RESOLVED, c -> c.resolved().total()),
            count("Giải quyết trước hạn", Metric.RESOLVED_EARLY, c -> c.resolved().early()),
            count("Giải quyết đúng hạn", Metric.RESOLVED_ON_TIME, c -> c.resolved().onTime()),
            count("Giải quyết quá hạn", Metric.RESOLVED_LATE, c -> c.resolved().late()),
            count("Đang giải quyết trong hạn", Metric.IN_PROGRESS_WITHIN_DEADLINE, c -> c.inProgress().withinDeadline()),
            count("Đang giải quyết quá hạn", Metric.IN_PROGRESS_OVERDUE, c -> c.inProgress().overdue()),
            count("Đã trả kết quả", Metric.RETURNED, DossierCounts::returned),
            count("Từ chối tiếp nhận", Metric.REFUSED, DossierCounts::refused),
            count("Rút hồ sơ", Metric.WITHDRAWN, DossierCounts::withdrawn),
            count("Lượt yêu cầu bổ sung", Metric.SUPPLEMENT_REQUESTS, DossierCounts::supplementRequests),
            rate("Tỷ lệ đúng hạn (%)", DossierCounts::onTimeRate),
            rate("Tỷ lệ trực tuyến (%)", c -> c.decision766().onlineRate()),
            rate("Tỷ lệ số hóa (%)", c -> c.decision766().digitizationRate()),
            rate("Tỷ lệ thanh toán trực tuyến (%)", c -> c.decision766().onlinePaymentRate()),
            rate("Tỷ lệ hài lòng (%)", c -> c.decision766().satisfactionRate()),
            rate("Điểm hài lòng bình quân (1–5)", c -> c.decision766().averageRating()),
            count("Lượt đánh giá", Metric.RATED, c -> c.decision766().ratings()));

    private StatisticsColumns() {
    }

    private static Column count(String header, Metric metric, Function<DossierCounts, Number> value) {
        return new Column(header, metric, false, value);
    }

    private static Column rate(String header, Function<DossierCounts, Number> value) {
        return new Column(header, null, true, value);
    }
}
