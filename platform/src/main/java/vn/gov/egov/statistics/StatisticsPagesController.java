package vn.gov.egov.statistics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.identity.Official;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.identity.Officials;

/**
 * The officials' statistics (leaders see their agency and its units; the province administrator and the province's
 * leaders see all), the dossiers behind each number, the CSV and XLSX exports, and the public page on the portal.
 */
@Controller
class StatisticsPagesController {

    static final int DRILL_DOWN_LIMIT = 500;
    private static final Set<Role> LEADERS = Set.of(Role.AGENCY_LEADER, Role.DIVISION_HEAD);

    private final CountingDossiers counting;
    private final StatisticsNames names;
    private final Officials officials;

    StatisticsPagesController(CountingDossiers counting, StatisticsNames names, Officials officials) {
        this.counting = counting;
        this.names = names;
        this.officials = officials;
    }

    @GetMapping("/statistics")
    String statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String groupBy, Authentication official, Model model) {
        StatisticsQuery query = query(from, to, groupBy, model);
        Collection<String> scope = scope(official);
        StatisticsReport report = counting.report(query.from(), query.to(), query.groupBy(), scope);
        model.addAttribute("query", query);
        model.addAttribute("report", report);
        model.addAttribute("columns", StatisticsColumns.ALL);
        model.addAttribute("groupings", Grouping.values());
        model.addAttribute("chart", BarChart.onTimeRates(report, "Tỷ lệ giải quyết đúng hạn theo " + query.groupBy().vietnameseName().toLowerCase()));
        model.addAttribute("allAgencies", scope == null);
        model.addAttribute("scopeNames", scope == null ? List.of() : rootNames(official));
        model.addAttribute("title", StatisticsExports.title(report));
        return "statistics/statistics";
    }

    @GetMapping("/statistics/dossiers")
    String dossiers(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String groupBy, @RequestParam(required = false) String group,
                    @RequestParam(required = false) String metric, Authentication official, Model model) {
        StatisticsQuery query = StatisticsQuery.parse(from, to, groupBy);
        Metric m = Metric.of(metric).orElseThrow(() -> StatisticsProblems.badParameter("metric", "one-of",
                "Tham số 'metric' không phải một chỉ tiêu của bảng thống kê"));
        String groupCode = group == null || group.isBlank() ? null : group.strip();
        StatisticsStore.Page page = counting.dossiers(query.from(), query.to(), query.groupBy(), groupCode, m, scope(official),
                DRILL_DOWN_LIMIT);
        model.addAttribute("query", query);
        model.addAttribute("metricName", m.vietnameseName());
        model.addAttribute("groupCode", groupCode);
        model.addAttribute("groupName", groupCode == null ? "Tất cả" : switch (query.groupBy()) {
            case AGENCY -> names.agency(groupCode);
            case FIELD -> names.field(groupCode);
            case PROCEDURE -> names.procedures().getOrDefault(groupCode, groupCode);
        });
        java.util.Map<String, String> procedureNames = names.procedures();
        model.addAttribute("total", page.total());
        model.addAttribute("rows", page.items().stream().map(d -> new DrillDownRow(d.code(), names.agency(d.agency()), d.procedureCode(),
                d.procedureName() == null ? procedureNames.getOrDefault(d.procedureCode(), d.procedureCode()) : d.procedureName(),
                channelName(d.channel()), statusName(d.status()), StatisticsFormat.time(d.receivedAt()), StatisticsFormat.time(d.dueAt()),
                StatisticsFormat.time(d.resolvedAt()), resolutionName(d.resolution()), StatisticsFormat.time(d.returnedAt()))).toList());
        model.addAttribute("limit", DRILL_DOWN_LIMIT);
        model.addAttribute("from", StatisticsFormat.date(query.from()));
        model.addAttribute("to", StatisticsFormat.date(query.to()));
        return "statistics/dossiers";
    }

    @GetMapping("/statistics/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String groupBy, Authentication official) {
        StatisticsReport report = report(from, to, groupBy, official);
        return download(StatisticsExports.csv(report), new MediaType("text", "csv", StandardCharsets.UTF_8), report, "csv");
    }

    @GetMapping("/statistics/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String groupBy, Authentication official) {
        StatisticsReport report = report(from, to, groupBy, official);
        return download(StatisticsExports.xlsx(report),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), report, "xlsx");
    }

    /** The portal's public page: each agency's dossiers and on-time rate for a year (aggregates only). */
    @GetMapping("/thong-ke")
    String publicStatistics(@RequestParam(required = false) String year, Model model) {
        LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
        int y = today.getYear();
        if (year != null && year.matches("\\d{4}") && Integer.parseInt(year) >= today.getYear() - 5 && Integer.parseInt(year) <= today.getYear()) {
            y = Integer.parseInt(year);
        }
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = y == today.getYear() ? today : LocalDate.of(y, 12, 31);
        StatisticsReport report = counting.report(from, to, Grouping.AGENCY);
        model.addAttribute("report", report);
        model.addAttribute("year", y);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(today.getYear() - 5, today.getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("chart", BarChart.onTimeRates(report, "Tỷ lệ giải quyết đúng hạn theo cơ quan, năm " + y));
        return "statistics/public";
    }

    /** One dossier behind a number, as the drill-down page shows it (nothing personal). */
    record DrillDownRow(String code, String agency, String procedureCode, String procedureName, String channel, String status,
                        String receivedAt, String dueAt, String resolvedAt, String resolution, String returnedAt) {
    }

    private static String channelName(String channel) {
        if (channel == null) {
            return "";
        }
        try {
            return vn.gov.egov.dossier.DossierChannel.valueOf(channel).vietnameseName();
        } catch (IllegalArgumentException e) {
            return channel;
        }
    }

    private static String statusName(String status) {
        if (status == null) {
            return "";
        }
        try {
            return vn.gov.egov.dossier.DossierStatus.valueOf(status).vietnameseName();
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    private static String resolutionName(String resolution) {
        return resolution == null ? "" : switch (resolution) {
            case "EARLY" -> "Trước hạn";
            case "ON_TIME" -> "Đúng hạn";
            case "LATE" -> "Quá hạn";
            default -> resolution;
        };
    }

    private StatisticsReport report(String from, String to, String groupBy, Authentication official) {
        StatisticsQuery query = StatisticsQuery.parse(from == null ? defaultFrom().toString() : from,
                to == null ? LocalDate.now(WorkingCalendar.ZONE).toString() : to, groupBy);
        return counting.report(query.from(), query.to(), query.groupBy(), scope(official));
    }

    private static ResponseEntity<byte[]> download(byte[] content, MediaType type, StatisticsReport report, String extension) {
        String name = "thong-ke-%s-%s-%s.%s".formatted(report.groupBy(), report.from(), report.to(), extension);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    /** The period asked for, or this year so far; a bad parameter is explained on the page. */
    private static StatisticsQuery query(String from, String to, String groupBy, Model model) {
        String f = from == null || from.isBlank() ? defaultFrom().toString() : from;
        String t = to == null || to.isBlank() ? LocalDate.now(WorkingCalendar.ZONE).toString() : to;
        try {
            return StatisticsQuery.parse(f, t, groupBy);
        } catch (ErrorResponseException e) {
            model.addAttribute("error", e.getBody().getDetail());
            return new StatisticsQuery(defaultFrom(), LocalDate.now(WorkingCalendar.ZONE), Grouping.AGENCY);
        }
    }

    private static LocalDate defaultFrom() {
        return LocalDate.now(WorkingCalendar.ZONE).withDayOfYear(1);
    }

    /** {@code null}: every agency (province administrator); otherwise the leaders' agencies and every unit below them. */
    Collection<String> scope(Authentication official) {
        if (official.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.PROVINCE_ADMIN.authority()))) {
            return null;
        }
        return names.subtrees(roots(official));
    }

    private List<String> roots(Authentication official) {
        return officials.byUsername(official.getName()).map(Official::positions).orElse(List.of()).stream()
                .filter(p -> LEADERS.contains(p.role())).map(Position::agencyCode).distinct().toList();
    }

    private List<String> rootNames(Authentication official) {
        return roots(official).stream().map(names::agency).toList();
    }
}
