package vn.gov.egov.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What the API and the pages are asked for, checked: a period of at most five years and a grouping. */
record StatisticsQuery(LocalDate from, LocalDate to, Grouping groupBy) {

    static final int MAX_YEARS = 5;
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static StatisticsQuery parse(String from, String to, String groupBy) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        Grouping grouping;
        if (groupBy == null || groupBy.isBlank()) {
            grouping = Grouping.AGENCY;
        } else {
            grouping = Grouping.of(groupBy.strip()).orElseThrow(() -> StatisticsProblems.badParameter("groupBy", "one-of",
                    "Tham số 'groupBy' phải là một trong %s".formatted(Arrays.stream(Grouping.values()).map(Grouping::parameter)
                            .collect(Collectors.joining(", ")))));
        }
        if (start.isAfter(end)) {
            throw StatisticsProblems.badPeriod("to", "not-before-from", "Ngày kết thúc 'to' (%s) không được trước ngày bắt đầu 'from' (%s)"
                    .formatted(VN.format(end), VN.format(start)));
        }
        if (!end.isBefore(start.plusYears(MAX_YEARS))) {
            throw StatisticsProblems.badPeriod("to", "max-period", "Khoảng thống kê tối đa %d năm: 'to' phải trước ngày %s"
                    .formatted(MAX_YEARS, VN.format(start.plusYears(MAX_YEARS))));
        }
        return new StatisticsQuery(start, end, grouping);
    }

    private static LocalDate date(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw StatisticsProblems.badParameter(parameter, "required", "Thiếu tham số '%s' (ngày theo dạng YYYY-MM-DD)".formatted(parameter));
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw StatisticsProblems.badParameter(parameter, "date-format",
                    "Tham số '%s' phải là một ngày có thật theo dạng YYYY-MM-DD".formatted(parameter));
        }
    }
}
