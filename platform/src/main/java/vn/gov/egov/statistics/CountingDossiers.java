package vn.gov.egov.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.calendar.WorkingCalendar;

/** Sums the rollups and the open dossiers into the statistics of a period; lists the dossiers behind a number. */
@Service
class CountingDossiers implements DossierStatistics {

    /** A period, as instants: [start, end), with in-progress judged at asAt. */
    record Period(LocalDate from, LocalDate to, Instant start, Instant end, Instant asAt) {
    }

    private final StatisticsStore store;
    private final StatisticsNames names;
    private final Clock clock;

    CountingDossiers(StatisticsStore store, StatisticsNames names) {
        this.store = store;
        this.names = names;
        this.clock = Clock.system(WorkingCalendar.ZONE);
    }

    @Override
    public StatisticsReport report(LocalDate from, LocalDate to, Grouping groupBy) {
        return report(from, to, groupBy, null);
    }

    /** @param agencies only these receiving agencies ({@code null}: all) */
    @Transactional(readOnly = true)
    StatisticsReport report(LocalDate from, LocalDate to, Grouping groupBy, Collection<String> agencies) {
        Period period = period(from, to);
        Map<String, Tally> tallies = store.flows(groupBy, from, to, agencies);
        store.stocks(tallies, groupBy, period.start(), period.end(), period.asAt(), agencies);
        Map<String, String> procedureNames = groupBy == Grouping.PROCEDURE ? names.procedures() : Map.of();
        Tally total = new Tally();
        List<StatisticsReport.GroupCounts> groups = new ArrayList<>();
        tallies.forEach((code, tally) -> {
            if (tally.isEmpty()) {
                return;
            }
            total.add(tally);
            String name = switch (groupBy) {
                case AGENCY -> names.agency(code);
                case FIELD -> names.field(code);
                case PROCEDURE -> procedureNames.getOrDefault(code, code);
            };
            groups.add(new StatisticsReport.GroupCounts(code, name, tally.counts()));
        });
        groups.sort(Comparator.comparingLong((StatisticsReport.GroupCounts g) -> -g.counts().received().toHandle())
                .thenComparing(StatisticsReport.GroupCounts::code));
        return new StatisticsReport(from, to, groupBy.parameter(), period.asAt(), List.copyOf(groups), total.counts());
    }

    @Transactional(readOnly = true)
    StatisticsStore.Page dossiers(LocalDate from, LocalDate to, Grouping groupBy, String groupCode, Metric metric,
                                  Collection<String> agencies, int limit) {
        Period period = period(from, to);
        return store.dossiers(groupBy, groupCode, metric, period.start(), period.end(), period.asAt(), agencies, limit);
    }

    Period period(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant now = clock.instant();
        return new Period(from, to, start, end, end.isAfter(now) ? now : end);
    }
}
