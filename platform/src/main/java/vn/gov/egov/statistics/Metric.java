package vn.gov.egov.statistics;

import java.util.Locale;
import java.util.Optional;

/**
 * Each number of the statistics that can be opened to the dossiers behind it, as a condition on the read model's row
 * ({@code d}) for the period [{@code :start}, {@code :end}) judged at {@code :asAt}: the same rules the counters follow.
 */
enum Metric {
    TO_HANDLE("Tổng số phải giải quyết", "d.received_at < :end and (d.resolved_at is null or d.resolved_at >= :start)"),
    RECEIVED("Tiếp nhận mới trong kỳ", "d.received_at >= :start and d.received_at < :end"),
    RECEIVED_ONLINE("Tiếp nhận trực tuyến", "d.received_at >= :start and d.received_at < :end and d.channel in ('OWN_PORTAL', 'NATIONAL_PORTAL')"),
    RECEIVED_IN_PERSON("Tiếp nhận trực tiếp", "d.received_at >= :start and d.received_at < :end and d.channel = 'IN_PERSON'"),
    RECEIVED_BY_POST("Tiếp nhận qua bưu chính", "d.received_at >= :start and d.received_at < :end and d.channel = 'BY_POST'"),
    CARRIED_OVER("Kỳ trước chuyển qua", "d.received_at < :start and (d.resolved_at is null or d.resolved_at >= :start)"),
    RESOLVED("Đã giải quyết", "d.resolved_at >= :start and d.resolved_at < :end"),
    RESOLVED_EARLY("Giải quyết trước hạn", "d.resolved_at >= :start and d.resolved_at < :end and d.resolution = 'EARLY'"),
    RESOLVED_ON_TIME("Giải quyết đúng hạn", "d.resolved_at >= :start and d.resolved_at < :end and d.resolution = 'ON_TIME'"),
    RESOLVED_LATE("Giải quyết quá hạn", "d.resolved_at >= :start and d.resolved_at < :end and d.resolution = 'LATE'"),
    IN_PROGRESS("Đang giải quyết", "d.received_at < :end and (d.resolved_at is null or d.resolved_at >= :end)"),
    IN_PROGRESS_WITHIN_DEADLINE("Đang giải quyết, trong hạn", "d.received_at < :end and (d.resolved_at is null or d.resolved_at >= :end)"
            + " and not coalesce(" + Metric.OVERDUE + ", false)"),
    IN_PROGRESS_OVERDUE("Đang giải quyết, quá hạn", "d.received_at < :end and (d.resolved_at is null or d.resolved_at >= :end)"
            + " and " + Metric.OVERDUE),
    RETURNED("Đã trả kết quả", "d.returned_at >= :start and d.returned_at < :end"),
    REFUSED("Từ chối tiếp nhận", "d.refused_at >= :start and d.refused_at < :end"),
    WITHDRAWN("Rút hồ sơ", "d.withdrawn_at >= :start and d.withdrawn_at < :end"),
    SUPPLEMENT_REQUESTS("Có yêu cầu bổ sung trong kỳ",
            "exists (select 1 from unnest(d.supplement_requested_at) t where t >= :start and t < :end)"),
    DIGITIZED("Có thành phần hồ sơ điện tử", "d.received_at >= :start and d.received_at < :end and d.digitized"),
    RATED("Đã đánh giá mức độ hài lòng", "d.rated_at >= :start and d.rated_at < :end");

    /**
     * Overdue at {@code :asAt}: an apology was issued before it, or it was due before it and its clock was not stopped
     * for supplements before the due time (a completion will move that due time).
     */
    static final String OVERDUE = "(d.rescheduled_at < :asAt or (d.due_at < :asAt and not coalesce(d.status = 'AWAITING_SUPPLEMENT'"
            + " and d.status_at < :asAt and d.status_at < d.due_at, false)))";

    private final String vietnameseName;
    private final String condition;

    Metric(String vietnameseName, String condition) {
        this.vietnameseName = vietnameseName;
        this.condition = condition;
    }

    String vietnameseName() {
        return vietnameseName;
    }

    String condition() {
        return condition;
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Metric> of(String parameter) {
        for (Metric m : values()) {
            if (m.parameter().equals(parameter)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
