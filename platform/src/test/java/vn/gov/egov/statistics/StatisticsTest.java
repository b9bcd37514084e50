package vn.gov.egov.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierOutcome;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierRated;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.DossierTestSupport;
import vn.gov.egov.dossier.Dossiers;

/**
 * The statistics see dossiers only through their events. Synthetic events with explicit times (as the listener sees
 * them) check each column over March 2021 for agency TK-A; a real dossier driven through the dossier module checks the
 * wiring end to end.
 */
class StatisticsTest extends DossierTestSupport {

    static final String AGENCY = "TK-A";
    static final String PROCEDURE_CODE = "TK.0001";
    static final LocalDate MARCH_1 = LocalDate.of(2021, 3, 1);
    static final LocalDate MARCH_31 = LocalDate.of(2021, 3, 31);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CountingDossiers counting;

    @Autowired
    DossierReception reception;

    @Autowired
    DossierProgress progress;

    @Autowired
    Dossiers dossiers;

    /** The March 2021 dossiers of TK-A, each published once per JVM (the context is shared by every test class). */
    static final List<DossierStatusChanged> MARCH = new ArrayList<>();
    static final List<DossierRated> RATINGS = new ArrayList<>();
    private static volatile boolean published;

    static Instant at(int month, int day, int hour) {
        return ZonedDateTime.of(2021, month, day, hour, 0, 0, 0, WorkingCalendar.ZONE).toInstant();
    }

    static final class Dossier {
        final UUID id = UUID.randomUUID();
        final String code;
        final DossierChannel channel;
        DossierStatus status;

        Dossier(String code, DossierChannel channel) {
            this.code = code;
            this.channel = channel;
        }

        DossierStatusChanged move(String action, DossierStatus to, Instant at, Instant dueAt, DossierOutcome outcome, boolean late) {
            DossierStatusChanged e = new DossierStatusChanged(id, code, PROCEDURE_CODE, "Thủ tục thống kê thử", AGENCY, channel, to, status,
                    action, at, null, null, null, null, dueAt, outcome, late);
            status = to;
            MARCH.add(e);
            return e;
        }

        Dossier received(Instant submitted, Instant received) {
            move("SUBMITTED", DossierStatus.SUBMITTED, submitted, null, null, false);
            move("RECEIVED", DossierStatus.RECEIVED, received, null, null, false);
            return this;
        }
    }

    static final Dossier CARRIED_EARLY = new Dossier("TK-01", DossierChannel.OWN_PORTAL);
    static final Dossier APOLOGISED = new Dossier("TK-02", DossierChannel.OWN_PORTAL);
    static final Dossier RESOLVED_AFTER_DUE = new Dossier("TK-03", DossierChannel.IN_PERSON);
    static final Dossier OVERDUE = new Dossier("TK-04", DossierChannel.BY_POST);
    static final Dossier WITHIN_DEADLINE = new Dossier("TK-05", DossierChannel.NATIONAL_PORTAL);
    static final Dossier REFUSED = new Dossier("TK-06", DossierChannel.OWN_PORTAL);
    static final Dossier WITHDRAWN = new Dossier("TK-07", DossierChannel.OWN_PORTAL);
    static final Dossier ON_TIME = new Dossier("TK-08", DossierChannel.IN_PERSON);
    static final Dossier APRIL = new Dossier("TK-09", DossierChannel.OWN_PORTAL);
    static final Dossier JANUARY = new Dossier("TK-10", DossierChannel.OWN_PORTAL);

    static {
        CARRIED_EARLY.received(at(2, 19, 9), at(2, 20, 9));
        CARRIED_EARLY.move("PROCESSING_STARTED", DossierStatus.IN_PROGRESS, at(2, 21, 9), at(3, 5, 17), null, false);
        CARRIED_EARLY.move("RESOLVED", DossierStatus.RESOLVED, at(3, 3, 10), at(3, 5, 17), DossierOutcome.APPROVED, false);

        APOLOGISED.received(at(3, 1, 8), at(3, 2, 9));
        APOLOGISED.move("RESCHEDULED", DossierStatus.RECEIVED, at(3, 9, 9), at(3, 16, 17), null, true);
        APOLOGISED.move("PROCESSING_STARTED", DossierStatus.IN_PROGRESS, at(3, 10, 9), at(3, 16, 17), null, true);
        APOLOGISED.move("RESOLVED", DossierStatus.RESOLVED, at(3, 15, 9), at(3, 16, 17), DossierOutcome.APPROVED, true);

        RESOLVED_AFTER_DUE.received(at(3, 4, 8), at(3, 4, 9));
        RESOLVED_AFTER_DUE.move("PROCESSING_STARTED", DossierStatus.IN_PROGRESS, at(3, 4, 10), at(3, 8, 17), null, false);
        RESOLVED_AFTER_DUE.move("RESOLVED", DossierStatus.RESOLVED, at(3, 9, 9), at(3, 8, 17), DossierOutcome.REFUSED, true);

        OVERDUE.received(at(3, 19, 9), at(3, 20, 9));
        OVERDUE.move("PROCESSING_STARTED", DossierStatus.IN_PROGRESS, at(3, 21, 9), at(3, 25, 17), null, false);

        WITHIN_DEADLINE.received(at(3, 29, 8), at(3, 29, 9));
        WITHIN_DEADLINE.move("PROCESSING_STARTED", DossierStatus.IN_PROGRESS, at(3, 29, 10), at(4, 9, 17), null, false);
        WITHIN_DEADLINE.move("SUPPLEMENT_REQUESTED", DossierStatus.AWAITING_SUPPLEMENT, at(3, 30, 9), at(4, 9, 17), null, false);

        REFUSED.move("SUBMITTED", DossierStatus.SUBMITTED, at(3, 5, 9), null, null, false);
        REFUSED.move("REFUSED", DossierStatus.REFUSED, at(3, 6, 9), null, null, false);

        WITHDRAWN.move("SUBMITTED", DossierStatus.SUBMITTED, at(3, 7, 9), null, null, false);
        WITHDRAWN.move("WITHDRAWN", DossierStatus.WITHDRAWN, at(3, 8, 9), null, null, false);

        ON_TIME.received(at(3, 10, 8), at(3, 10, 9));
        ON_TIME.move("PROCESSING_STARTED", DossierStatus.IN_PROGRESS, at(3, 10, 10), at(3, 12, 17), null, false);
        ON_TIME.move("RESOLVED", DossierStatus.RESOLVED, at(3, 12, 10), at(3, 12, 17), DossierOutcome.APPROVED, false);
        ON_TIME.move("RETURNED", DossierStatus.RETURNED, at(3, 13, 9), at(3, 12, 17), DossierOutcome.APPROVED, false);
        RATINGS.add(new DossierRated(ON_TIME.id, ON_TIME.code, PROCEDURE_CODE, AGENCY, 5, at(3, 14, 9)));

        APRIL.received(at(4, 1, 9), at(4, 2, 9));

        JANUARY.received(at(1, 9, 9), at(1, 10, 9));
        JANUARY.move("PROCESSING_STARTED", DossierStatus.IN_PROGRESS, at(1, 10, 10), at(2, 12, 17), null, false);
        JANUARY.move("RESOLVED", DossierStatus.RESOLVED, at(2, 10, 9), at(2, 12, 17), DossierOutcome.APPROVED, false);
    }

    @BeforeEach
    void publishMarchOnce() {
        if (!published) {
            // out of order on purpose: the resolution of TK-03 arrives before its reception
            List<Object> order = new ArrayList<>(MARCH);
            DossierStatusChanged resolution = MARCH.stream().filter(e -> e.dossierId().equals(RESOLVED_AFTER_DUE.id)
                    && e.action().equals("RESOLVED")).findFirst().orElseThrow();
            order.remove(resolution);
            order.add(0, resolution);
            order.addAll(RATINGS);
            publish(order);
            awaitRecorded(MARCH.size() + RATINGS.size());
            published = true;
        }
    }

    void publish(List<?> toPublish) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (Object e : toPublish) {
            tx.executeWithoutResult(s -> events.publishEvent(e));
        }
    }

    /** Waits until the event publication registry has completed every statistics listener call so far. */
    void awaitRecorded(int atLeast) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from event_publication where listener_id like 'vn.gov.egov.statistics.%'
                and completion_date is null""").query(Long.class).single()).isZero());
    }

    DossierCounts march() {
        return counting.report(MARCH_1, MARCH_31, Grouping.AGENCY, List.of(AGENCY)).total();
    }

    @Test
    void eachColumnOfMarchCountsWhatHappenedInMarch() {
        DossierCounts c = march();
        assertThat(c.received()).isEqualTo(new DossierCounts.Received(5, 2, 2, 1, 1, 6));
        assertThat(c.resolved()).as("early, on time, late by apology and late after due; one refusal notice")
                .isEqualTo(new DossierCounts.Resolved(4, 1, 1, 2, 1));
        assertThat(c.inProgress()).as("TK-04 overdue and TK-05 within its deadline on 31 March")
                .isEqualTo(new DossierCounts.InProgress(2, 1, 1));
        assertThat(c.received().toHandle()).as("to handle = resolved + still in progress")
                .isEqualTo(c.resolved().total() + c.inProgress().total());
        assertThat(c.returned()).isEqualTo(1);
        assertThat(c.refused()).as("refused at reception").isEqualTo(1);
        assertThat(c.withdrawn()).isEqualTo(1);
        assertThat(c.supplementRequests()).isEqualTo(1);
        assertThat(c.lateRate()).as("(2 late resolved + 1 overdue) / 6").isEqualTo(50.0);
        assertThat(c.onTimeRate()).isEqualTo(50.0);
        assertThat(c.decision766().onlineRate()).as("2 of 5 received online").isEqualTo(40.0);
        assertThat(c.decision766().digitizationRate()).as("synthetic dossiers have no documents").isEqualTo(0.0);
        assertThat(c.decision766().onlinePaymentRate()).as("no payment known").isNull();
        assertThat(c.decision766().ratings()).isEqualTo(1);
        assertThat(c.decision766().satisfactionRate()).isEqualTo(100.0);
        assertThat(c.decision766().averageRating()).isEqualTo(5.0);
    }

    @Test
    void whatIsOpenAtTheEndOfMarchIsCarriedOverIntoApril() {
        DossierCounts april = counting.report(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 30), Grouping.AGENCY, List.of(AGENCY)).total();
        assertThat(april.received().carriedOver()).isEqualTo(2);
        assertThat(april.received().total()).isEqualTo(1);
        assertThat(april.inProgress().total()).isEqualTo(3);
        assertThat(april.inProgress().overdue()).as("TK-04 since 25 March; TK-05 waits for supplements since before its due time")
                .isEqualTo(1);
        DossierCounts february = counting.report(LocalDate.of(2021, 2, 5), MARCH_31, Grouping.AGENCY, List.of(AGENCY)).total();
        assertThat(february.received().total()).as("whole March from the monthly rollup, 5–28 February from the daily one").isEqualTo(6);
        assertThat(february.received().carriedOver()).as("TK-10 was received in January and still open on 5 February").isEqualTo(1);
        assertThat(february.resolved().total()).isEqualTo(5);
        assertThat(february.received().toHandle()).isEqualTo(february.resolved().total() + february.inProgress().total());
        DossierCounts oneDay = counting.report(LocalDate.of(2021, 3, 9), LocalDate.of(2021, 3, 9), Grouping.AGENCY, List.of(AGENCY)).total();
        assertThat(oneDay.resolved().late()).isEqualTo(1);
        assertThat(oneDay.withdrawn()).isZero();
    }

    @Test
    void aRedeliveredEventCountsNothingTwice() {
        DossierCounts before = march();
        publish(MARCH);
        publish(RATINGS);
        awaitRecorded(0);
        assertThat(march()).isEqualTo(before);
        assertThat(jdbc.sql("select supplement_requests from statistics_dossier where dossier_id = ?").param(WITHIN_DEADLINE.id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from statistics_dossier where dossier_id = ?").param(RESOLVED_AFTER_DUE.id)
                .query(String.class).single()).as("the latest move wins, whatever the order of delivery").isEqualTo("RESOLVED");
    }

    @Test
    void eachNumberOpensToExactlyTheDossiersItCounts() {
        assertThat(codes(Metric.TO_HANDLE)).containsExactly("TK-01", "TK-02", "TK-03", "TK-08", "TK-04", "TK-05");
        assertThat(codes(Metric.RECEIVED_ONLINE)).containsExactly("TK-02", "TK-05");
        assertThat(codes(Metric.RECEIVED_BY_POST)).containsExactly("TK-04");
        assertThat(codes(Metric.CARRIED_OVER)).containsExactly("TK-01");
        assertThat(codes(Metric.RESOLVED_EARLY)).containsExactly("TK-01");
        assertThat(codes(Metric.RESOLVED_ON_TIME)).containsExactly("TK-08");
        assertThat(codes(Metric.RESOLVED_LATE)).containsExactly("TK-02", "TK-03");
        assertThat(codes(Metric.IN_PROGRESS_OVERDUE)).containsExactly("TK-04");
        assertThat(codes(Metric.IN_PROGRESS_WITHIN_DEADLINE)).containsExactly("TK-05");
        assertThat(codes(Metric.REFUSED)).containsExactly("TK-06");
        assertThat(codes(Metric.WITHDRAWN)).containsExactly("TK-07");
        assertThat(codes(Metric.RETURNED)).containsExactly("TK-08");
        assertThat(codes(Metric.SUPPLEMENT_REQUESTS)).containsExactly("TK-05");
        assertThat(codes(Metric.RATED)).containsExactly("TK-08");
        DossierCounts c = march();
        assertThat(codes(Metric.RECEIVED)).hasSize((int) c.received().total());
        assertThat(codes(Metric.IN_PROGRESS)).hasSize((int) c.inProgress().total());
        assertThat(codes(Metric.RESOLVED)).hasSize((int) c.resolved().total());
    }

    List<String> codes(Metric metric) {
        return counting.dossiers(MARCH_1, MARCH_31, Grouping.AGENCY, AGENCY, metric, List.of(AGENCY), 100).items().stream()
                .map(StatisticsStore.Listed::code).toList();
    }

    @Test
    void thePublicApiAnswersTheCountsAsJson() throws Exception {
        HttpResponse<String> response = get("/api/v1/statistics/dossiers?from=2021-03-01&to=2021-03-31&groupBy=agency");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        JsonNode group = null;
        for (JsonNode g : body.get("groups")) {
            if (g.get("code").asString().equals(AGENCY)) {
                group = g;
            }
        }
        assertThat(group).as(response.body()).isNotNull();
        assertThat(group.at("/counts/received/toHandle").asLong()).isEqualTo(6);
        assertThat(group.at("/counts/onTimeRate").asDouble()).isEqualTo(50.0);
        assertThat(group.at("/counts/decision766/onlineRate").asDouble()).isEqualTo(40.0);
        assertThat(response.body()).as("aggregates only: no dossier codes").doesNotContain("TK-0");

        JsonNode byProcedure = json.readTree(get("/api/v1/statistics/dossiers?from=2021-03-01&to=2021-03-31&groupBy=procedure").body());
        JsonNode procedure = null;
        for (JsonNode g : byProcedure.get("groups")) {
            if (g.get("code").asString().equals(PROCEDURE_CODE)) {
                procedure = g;
            }
        }
        assertThat(procedure).isNotNull();
        assertThat(procedure.get("name").asString()).isEqualTo("Thủ tục thống kê thử");
        assertThat(get("/api/v1/statistics/dossiers?from=2021-03-01&to=2021-03-31&groupBy=field").statusCode()).isEqualTo(200);
        String openApi = get("/v3/api-docs").body();
        assertThat(openApi).contains("/api/v1/statistics/dossiers").contains("groupBy").contains("StatisticsReport")
                .contains("application/problem+json");
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() throws Exception {
        problem("/api/v1/statistics/dossiers?to=2021-03-31", 400, "from", "required");
        problem("/api/v1/statistics/dossiers?from=2021-02-30&to=2021-03-31", 400, "from", "date-format");
        problem("/api/v1/statistics/dossiers?from=2021-03-01&to=31/03/2021", 400, "to", "date-format");
        problem("/api/v1/statistics/dossiers?from=2021-03-01&to=2021-03-31&groupBy=district", 400, "groupBy", "one-of");
        problem("/api/v1/statistics/dossiers?from=2021-03-31&to=2021-03-01", 422, "to", "not-before-from");
        problem("/api/v1/statistics/dossiers?from=2016-01-01&to=2021-01-01", 422, "to", "max-period");
        assertThat(get("/api/v1/statistics/dossiers?from=2016-01-02&to=2021-01-01").statusCode()).as("five years exactly").isEqualTo(200);
    }

    void problem(String path, int status, String parameter, String rule) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("parameter").asString()).isEqualTo(parameter);
        assertThat(body.get("rule").asString()).isEqualTo(rule);
        assertThat(body.get("detail").asString()).contains("'" + parameter + "'");
    }

    @Test
    void aRealDossierIsCountedFromReceptionToRating() throws Exception {
        String token = citizenToken(CITIZEN);
        String code = submitOnline(token, "statistics-real");
        reception.accept(DESK, code);
        UUID id = jdbc.sql("select id from dossier where code = ?").param(code).query(UUID.class).single();
        DossierProgress.Actor specialist = new DossierProgress.Actor("cv-thong-ke", "Trần Thống Kê");
        progress.startProcessing(id, specialist);
        progress.resolve(id, specialist, DossierOutcome.APPROVED, UUID.randomUUID(), null);
        // a result to be received online is returned by the platform itself once resolved
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETURNED".equals(jdbc.sql("select status from dossier where id = ?")
                .param(id).query(String.class).single()));
        UUID account = jdbc.sql("select applicant_account from dossier where id = ?").param(id).query(UUID.class).single();
        dossiers.rate(account, code, 4, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "select rating from statistics_dossier where dossier_id = ?").param(id).query(Integer.class).optional()).contains(4));
        awaitRecorded(0);

        var row = jdbc.sql("select channel, digitized, supplement_requests, resolution, status, received_at is not null as received,"
                + " returned_at is not null as returned from statistics_dossier where dossier_id = ?").param(id).query().singleRow();
        assertThat(row.get("channel")).isEqualTo("OWN_PORTAL");
        assertThat(row.get("digitized")).as("submitted with electronic documents").isEqualTo(true);
        assertThat(row.get("supplement_requests")).isEqualTo(0);
        assertThat(row.get("status")).isEqualTo("RETURNED");
        assertThat(row.get("received")).isEqualTo(true);
        assertThat(row.get("returned")).isEqualTo(true);
        assertThat(row.get("resolution")).isIn("EARLY", "ON_TIME");

        LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
        for (Metric m : List.of(Metric.RECEIVED, Metric.RECEIVED_ONLINE, Metric.RESOLVED, Metric.RETURNED,
                Metric.DIGITIZED, Metric.RATED)) {
            assertThat(counting.dossiers(today, today, Grouping.AGENCY, "SO-TP", m, null, 1000).items())
                    .as(m.name()).extracting(StatisticsStore.Listed::code).contains(code);
        }
        DossierCounts soTp = counting.report(today, today, Grouping.AGENCY, List.of("SO-TP")).total();
        assertThat(soTp.decision766().digitizationRate()).isPositive();
        assertThat(soTp.received().online()).isPositive();
        assertThat(soTp.returned()).isPositive();
        StatisticsReport byField = counting.report(today, today, Grouping.FIELD, List.of("SO-TP"));
        assertThat(byField.groups()).as("1.000001 has a field in the procedure catalog")
                .anySatisfy(g -> assertThat(g.code()).isNotEmpty());
    }

    static final String LEADER = "lanh-dao-so-tp-thong-ke";
    static final String SPECIALIST_OF_SO_TP = "chuyen-vien-so-tp-thong-ke";

    @Autowired
    vn.gov.egov.identity.TestOfficials officialsForPages;

    void leaders() {
        knowOfficial(officialsForPages.ensure(LEADER, "Lanh-Dao#Thong-Ke-2025", "Hoàng Văn Lãnh Đạo",
                new vn.gov.egov.identity.Position(vn.gov.egov.identity.Role.AGENCY_LEADER, "SO-TP", null)));
        knowOfficial(officialsForPages.ensure(SPECIALIST_OF_SO_TP, "Chuyen-Vien#Thong-Ke-2025", "Đỗ Thị Chuyên Viên",
                new vn.gov.egov.identity.Position(vn.gov.egov.identity.Role.SPECIALIST, "SO-TP", null)));
    }

    @Test
    void theProvinceAdministratorSeesEveryAgencyWithAChartAndOpensTheDossiersBehindANumber() throws Exception {
        Browser admin = new Browser();
        admin.logIn(ADMIN);
        HttpResponse<String> page = admin.get("/statistics?from=2021-03-01&to=2021-03-31&groupBy=agency");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("data-group=\"TK-A\"").contains("<svg").contains("<title id=\"on-time-chart-title\">")
                .contains("<desc id=\"on-time-chart-desc\">").contains("Tỷ lệ giải quyết đúng hạn");
        String link = "/statistics/dossiers?from=2021-03-01&amp;to=2021-03-31&amp;groupBy=agency&amp;group=TK-A&amp;metric=to-handle";
        assertThat(html).contains(link);
        HttpResponse<String> drill = admin.get(link.replace("&amp;", "&"));
        assertThat(drill.statusCode()).isEqualTo(200);
        assertThat(drill.body()).contains("6 hồ sơ");
        for (String code : List.of("TK-01", "TK-02", "TK-03", "TK-04", "TK-05", "TK-08")) {
            // the administrator holds no processing role: each code leads to the public look-up
            assertThat(drill.body()).contains("href=\"/tra-cuu-ho-so?ma=" + code + "\"");
        }
        assertThat(drill.body()).doesNotContain("TK-06").doesNotContain("TK-09");
        HttpResponse<String> late = admin.get("/statistics/dossiers?from=2021-03-01&to=2021-03-31&groupBy=agency&group=TK-A&metric=resolved-late");
        assertThat(late.body()).contains("2 hồ sơ").contains("TK-02").contains("TK-03").doesNotContain("TK-01");
        HttpResponse<String> wrong = admin.get("/statistics?from=2021-03-31&to=2021-03-01");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"query-error\"").contains("không được trước ngày bắt đầu");
    }

    @Test
    void anAgencyLeaderSeesOnlyTheirAgencyAndOthersAreKeptOut() throws Exception {
        leaders();
        Browser leader = new Browser();
        leader.logIn(LEADER);
        HttpResponse<String> page = leader.get("/statistics?from=2021-03-01&to=2021-03-31&groupBy=agency");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sở Tư pháp").doesNotContain("data-group=\"TK-A\"");
        HttpResponse<String> drill = leader.get("/statistics/dossiers?from=2021-03-01&to=2021-03-31&groupBy=agency&group=TK-A&metric=to-handle");
        assertThat(drill.body()).contains("0 hồ sơ").doesNotContain("TK-01");
        assertThat(leader.get("/statistics/export.csv?from=2021-03-01&to=2021-03-31").body()).doesNotContain("TK-A");

        Browser specialist = new Browser();
        specialist.logIn(SPECIALIST_OF_SO_TP);
        assertThat(specialist.get("/statistics").statusCode()).isEqualTo(403);
        assertThat(get("/statistics").statusCode()).as("anonymous: to the login page").isEqualTo(302);
    }

    @Test
    void theExportsHoldTheSameNumbersAsTheTable() throws Exception {
        Browser admin = new Browser();
        admin.logIn(ADMIN);
        HttpResponse<String> csv = admin.get("/statistics/export.csv?from=2021-03-01&to=2021-03-31&groupBy=agency");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("thong-ke-agency-2021-03-01-2021-03-31.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFMã,Tên,Tổng số phải giải quyết,Kỳ trước chuyển qua,Tiếp nhận mới trong kỳ");
        assertThat(lines).contains("TK-A,TK-A,6,1,5,2,2,1,4,1,1,2,1,1,1,1,1,1,50.0,40.0,0.0,,100.0,5.0,1");

        HttpResponse<byte[]> xlsx = admin.client().send(java.net.http.HttpRequest.newBuilder(uri(
                "/statistics/export.xlsx?from=2021-03-01&to=2021-03-31&groupBy=agency")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheet("Thống kê");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Thống kê giải quyết hồ sơ theo cơ quan từ 01/03/2021 đến 31/03/2021");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Tổng số phải giải quyết");
            org.apache.poi.ss.usermodel.Row tk = null;
            for (var row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && row.getCell(0).getStringCellValue().equals(AGENCY)) {
                    tk = row;
                }
            }
            assertThat(tk).isNotNull();
            assertThat(tk.getCell(2).getNumericCellValue()).isEqualTo(6.0);
            assertThat(tk.getCell(11).getNumericCellValue()).as("resolved late").isEqualTo(2.0);
            assertThat(tk.getCell(18).getNumericCellValue()).as("on-time rate").isEqualTo(50.0);
            assertThat(tk.getCell(21).getCellType()).as("online payment not known").isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
        }
    }

    @Test
    void thePublicPageShowsEachAgencysOnTimeRateWithoutLoggingIn() throws Exception {
        HttpResponse<String> page = get("/thong-ke");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kết quả giải quyết thủ tục hành chính").contains("<svg").contains("id=\"public-chart-desc\"")
                .as("no drill-down to dossiers on the public page").doesNotContain("href=\"/statistics/dossiers");
        assertThat(get("/thong-ke?year=1999").statusCode()).as("an old year falls back to this one").isEqualTo(200);
    }

    @Autowired
    RecordingDossierEvents recording;

    @Test
    void anOnlinePaymentIsCountedOnceWhenThePaymentModuleReportsIt() {
        Dossier paid = new Dossier("TK-P1", DossierChannel.OWN_PORTAL);
        List<DossierStatusChanged> moves = List.of(
                new DossierStatusChanged(paid.id, paid.code, PROCEDURE_CODE, "Thủ tục thống kê thử", "TK-PAY", paid.channel,
                        DossierStatus.RECEIVED, DossierStatus.SUBMITTED, "RECEIVED", ZonedDateTime.of(2020, 6, 1, 9, 0, 0, 0,
                        WorkingCalendar.ZONE).toInstant(), null, null, null, null));
        publish(moves);
        awaitRecorded(0);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> recording.paid(UUID.randomUUID(), true, Instant.now())))
                .as("a payment of a dossier not seen yet waits for redelivery").isInstanceOf(IllegalStateException.class);
        Instant at = ZonedDateTime.of(2020, 6, 2, 9, 0, 0, 0, WorkingCalendar.ZONE).toInstant();
        recording.paid(paid.id, true, at);
        recording.paid(paid.id, true, at);
        var sums = jdbc.sql("select sum(payments) as payments, sum(paid_online) as online from statistics_day where agency = 'TK-PAY'")
                .query().singleRow();
        assertThat(((Number) sums.get("payments")).intValue()).isEqualTo(1);
        assertThat(((Number) sums.get("online")).intValue()).isEqualTo(1);
        assertThat(jdbc.sql("select paid_online from statistics_dossier where dossier_id = ?").param(paid.id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aSubmissionIsRecordedInItsOwnTransactionAndGoesWithItsRollback() {
        Dossier kept = new Dossier("TK-TX1", DossierChannel.OWN_PORTAL);
        Dossier rolledBack = new Dossier("TK-TX2", DossierChannel.OWN_PORTAL);
        Instant at = ZonedDateTime.of(2020, 7, 1, 9, 0, 0, 0, WorkingCalendar.ZONE).toInstant();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            events.publishEvent(submitted(kept, at));
            assertThat(row(kept.id)).as("written inside the submission's transaction, not after it").isEqualTo(1);
        });
        tx.executeWithoutResult(s -> {
            events.publishEvent(submitted(rolledBack, at));
            s.setRollbackOnly();
        });
        assertThat(row(kept.id)).isEqualTo(1);
        assertThat(row(rolledBack.id)).as("a submission rolled back leaves no statistics row").isZero();
        assertThat(recorded(kept.id)).isEqualTo("SUBMITTED@" + at);
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id like 'vn.gov.egov.statistics.%' and serialized_event like ?")
                .param("%TK-TX%").query(Long.class).single()).as("no event publication for a move that counts nothing").isZero();
        tx.executeWithoutResult(s -> events.publishEvent(submitted(kept, at)));
        tx.executeWithoutResult(s -> events.publishEvent(submitted(kept, at.minusSeconds(60))));
        assertThat(recorded(kept.id)).as("a redelivery, or an older submission time, changes nothing").isEqualTo("SUBMITTED@" + at);
    }

    private String recorded(UUID id) {
        return jdbc.sql("select status, submitted_at from statistics_dossier where dossier_id = ?").param(id)
                .query((rs, n) -> rs.getString(1) + "@" + rs.getTimestamp(2).toInstant()).single();
    }

    private DossierStatusChanged submitted(Dossier d, Instant at) {
        return new DossierStatusChanged(d.id, d.code, PROCEDURE_CODE, "Thủ tục thống kê thử", "TK-TX", d.channel,
                DossierStatus.SUBMITTED, null, "SUBMITTED", at, null, null, null, null);
    }

    private long row(UUID id) {
        return jdbc.sql("select count(*) from statistics_dossier where dossier_id = ?").param(id).query(Long.class).single();
    }
}
