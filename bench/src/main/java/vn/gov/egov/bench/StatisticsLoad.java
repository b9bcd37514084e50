package vn.gov.egov.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics speed targets: writes {@code n} synthetic dossiers straight into the statistics module's own tables
 * (its read model and the daily and monthly rollups derived from it by the same rules as its event listener), then
 * times {@code GET /api/v1/statistics/dossiers} over HTTP on the running platform.
 *
 * <p>Distribution: 250 agencies, 1,700 procedures in 160 fields (popularity skewed: a few procedures take most
 * dossiers, each procedure at about three agencies), received uniformly over {@code years} calendar years ending
 * 2025-12-31, 95 % online (60 % own portal, 35 % national portal), 4 % in person, 1 % by post; 2 % refused at
 * reception, 1 % withdrawn; 3 % late (half of them by an apology), the rest resolved early or on time within 1–15
 * days; 8 % with a supplement request; 97 % of the results returned, 30 % of those rated; 99.5 % digitized; a
 * quarter of the procedures with fees.
 *
 * <p>Usage: {@code StatisticsLoad <pgPort> <platformUrl> <dossiers> [years=1] [repetitions=10] [load|measure|both]}
 */
public final class StatisticsLoad {

    private StatisticsLoad() {
    }

    public static void main(String[] args) throws Exception {
        int pgPort = Integer.parseInt(args[0]);
        String platform = args[1];
        long dossiers = Long.parseLong(args[2]);
        int years = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int repetitions = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        String mode = args.length > 5 ? args[5] : "both";
        LocalDate first = LocalDate.of(2025 - years + 1, 1, 1);
        LocalDate last = LocalDate.of(2025, 12, 31);
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
            if (!mode.equals("measure")) {
                load(db, dossiers, first, last);
            }
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                    select (select count(*) from statistics_dossier), (select count(*) from statistics_day),
                           (select count(*) from statistics_month),
                           pg_size_pretty(pg_total_relation_size('statistics_dossier')),
                           pg_size_pretty(pg_total_relation_size('statistics_day') + pg_total_relation_size('statistics_month'))""")) {
                rs.next();
                System.out.printf("read model: %,d dossiers (%s with indexes); rollups: %,d daily + %,d monthly rows (%s)%n",
                        rs.getLong(1), rs.getString(4), rs.getLong(2), rs.getLong(3), rs.getString(5));
            }
        }
        if (!mode.equals("load")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String[]> queries = new ArrayList<>();
            queries.add(new String[] {"one year, per agency", "from=2025-01-01&to=2025-12-31&groupBy=agency"});
            queries.add(new String[] {"one year, per field", "from=2025-01-01&to=2025-12-31&groupBy=field"});
            queries.add(new String[] {"one year, per procedure", "from=2025-01-01&to=2025-12-31&groupBy=procedure"});
            queries.add(new String[] {"one quarter from mid-month (daily edges), per agency", "from=2025-04-15&to=2025-07-14&groupBy=agency"});
            if (years > 1) {
                queries.add(new String[] {"all " + years + " years, per agency", "from=" + first + "&to=" + last + "&groupBy=agency"});
                queries.add(new String[] {"all " + years + " years, per procedure", "from=" + first + "&to=" + last + "&groupBy=procedure"});
            }
            for (String[] q : queries) {
                measure(http, platform + "/api/v1/statistics/dossiers?" + q[1], q[0], repetitions);
            }
            measure(http, platform + "/thong-ke?year=2025", "public page /thong-ke?year=2025 (HTML, SVG chart)", repetitions);
        }
    }

    private static void load(Connection db, long n, LocalDate first, LocalDate last) throws SQLException {
        long started = System.nanoTime();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("truncate statistics_dossier, statistics_day, statistics_month, statistics_procedure");
            s.execute("drop index if exists statistics_dossier_open");
            s.execute("drop index if exists statistics_dossier_received");
            s.execute("drop index if exists statistics_dossier_resolved");
            s.execute("set work_mem = '256MB'");
            s.execute("set maintenance_work_mem = '1GB'");
            s.execute("""
                    insert into statistics_procedure (code, name, field_code, level)
                    select 'B.' || lpad(p::text, 6, '0'), 'Thủ tục mẫu số ' || p, 'F' || lpad((p % 160)::text, 3, '0'),
                           case when p % 3 = 0 then 'COMMUNE' else 'PROVINCE' end
                    from generate_series(1, 1700) p""");
            s.execute("select setseed(0.20251231)");
            long chunk = 1_000_000;
            for (long from = 1; from <= n; from += chunk) {
                long to = Math.min(n, from + chunk - 1);
                s.execute(INSERT.replace(":from", Long.toString(from)).replace(":to", Long.toString(to))
                        .replace(":first", "'" + first + "'").replace(":last", "'" + last.plusDays(1) + "'"));
                System.out.printf("  %,d dossiers written (%.0f s)%n", to, (System.nanoTime() - started) / 1e9);
            }
            long rows = System.nanoTime();
            s.execute(ROLLUP_DAYS);
            s.execute(ROLLUP_MONTHS);
            long rollups = System.nanoTime();
            s.execute("create index statistics_dossier_open on statistics_dossier using gist (tstzrange(received_at, resolved_at, '[)'))"
                    + " where received_at is not null");
            s.execute("create index statistics_dossier_received on statistics_dossier (received_at) where received_at is not null");
            s.execute("create index statistics_dossier_resolved on statistics_dossier (resolved_at) where resolved_at is not null");
            s.execute("analyze statistics_dossier");
            s.execute("analyze statistics_day");
            s.execute("analyze statistics_month");
            long indexes = System.nanoTime();
            System.out.printf("loaded %,d dossiers %s–%s: rows %.1f s, rollups %.1f s, indexes + analyze %.1f s, total %.1f s%n", n, first, last,
                    (rows - started) / 1e9, (rollups - rows) / 1e9, (indexes - rollups) / 1e9, (indexes - started) / 1e9);
        }
    }

    private static void measure(HttpClient http, String url, String label, int repetitions) throws Exception {
        URI uri = URI.create(url);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).GET().build();
        String body = "";
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> warm = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (warm.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + warm.statusCode() + ": " + warm.body());
            }
            body = warm.body();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - t) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + r.statusCode());
            }
        }
        Collections.sort(millis);
        Matcher toHandle = Pattern.compile("\"total\":\\{\"received\":\\{\"total\":(\\d+),.*?\"toHandle\":(\\d+)").matcher(body);
        int groups = body.split("\"code\":").length - 1;
        System.out.printf("%-52s median %7.1f ms, p90 %7.1f ms, max %7.1f ms (%d runs; %d groups, %s to handle, %,d bytes)%n", label,
                millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.9) - 1), millis.get(millis.size() - 1),
                repetitions, groups, toHandle.find() ? String.format("%,d", Long.parseLong(toHandle.group(2))) : "?", body.length());
    }

    /** One chunk of dossiers [:from, :to], received uniformly in [:first, :last). */
    private static final String INSERT = """
            with g as (
              select i, :first::timestamptz + random() * (:last::timestamptz - :first::timestamptz) as submitted,
                     1 + floor(1700 * power(random(), 2.5))::int as proc,
                     random() as rc, random() as rf, random() as rl, random() as rs, random() as rr, random() as rd,
                     1 + floor(random() * 15)::int as days
              from generate_series(:from, :to) i
            ), d as (
              select i, submitted, proc, rc, rl, rs, rr, rd, days,
                     'AG-' || lpad(((proc * 7 + floor(rd * 3)::int) % 250 + 1)::text, 3, '0') as agency,
                     case when rc < 0.60 then 'OWN_PORTAL' when rc < 0.95 then 'NATIONAL_PORTAL' when rc < 0.99 then 'IN_PERSON' else 'BY_POST' end as channel,
                     case when rf < 0.02 then 'REFUSED' when rf < 0.03 then 'WITHDRAWN' else 'RECEIVED' end as fate,
                     submitted + interval '3 hours' as received,
                     submitted + interval '3 hours' + days * interval '1 day' as due,
                     rf >= 0.03 and rl < 0.03 as late
              from g
            ), r as (
              select d.*,
                     case when fate <> 'RECEIVED' then null
                          when late then due + (1 + floor(rs * 10)) * interval '1 day'
                          when rs < 0.6 then received + (days - 1) * rs * interval '1 day'
                          else due - interval '2 hours' end as resolved
              from d
            ), f as (
              select r.*, case when resolved is not null and resolved < now() then resolved end as resolved_at,
                     case when resolved is not null and resolved < now() and rr < 0.97 then resolved + interval '1 day' end as returned_at
              from r
            )
            insert into statistics_dossier (dossier_id, code, agency, procedure_code, field_code, level, channel, status, status_at,
                submitted_at, received_at, due_at, rescheduled_at, resolved_at, resolved_due_at, outcome, resolution, late, returned_at,
                refused_at, withdrawn_at, supplement_requests, supplement_requested_at, rating, rated_at, digitized, fee_required)
            select md5('bench-' || i)::uuid, 'BENCH-' || i, agency, 'B.' || lpad(proc::text, 6, '0'), 'F' || lpad((proc % 160)::text, 3, '0'),
                   case when proc % 3 = 0 then 'COMMUNE' else 'PROVINCE' end, channel,
                   case when fate <> 'RECEIVED' then fate when returned_at is not null then 'RETURNED' when resolved_at is not null then 'RESOLVED'
                        else 'IN_PROGRESS' end,
                   coalesce(returned_at, resolved_at, received), submitted,
                   case when fate = 'RECEIVED' then received end,
                   case when fate = 'RECEIVED' then due end,
                   case when late and rl < 0.015 then due - interval '1 day' end,
                   resolved_at, case when resolved_at is not null then due end,
                   case when resolved_at is null then null when rd < 0.02 then 'REFUSED' else 'APPROVED' end,
                   case when resolved_at is null then null when late then 'LATE'
                        when (resolved_at at time zone 'Asia/Ho_Chi_Minh')::date < (due at time zone 'Asia/Ho_Chi_Minh')::date then 'EARLY'
                        else 'ON_TIME' end,
                   late, returned_at,
                   case when fate = 'REFUSED' then submitted + interval '2 hours' end,
                   case when fate = 'WITHDRAWN' then submitted + interval '2 hours' end,
                   case when fate = 'RECEIVED' and rs > 0.92 then 1 else 0 end,
                   case when fate = 'RECEIVED' and rs > 0.92 then array[received + interval '1 day'] else '{}'::timestamptz[] end,
                   case when returned_at is not null and rr < 0.30 then case when rd < 0.80 then 5 when rd < 0.93 then 4 else 1 + floor(rd * 100)::int % 3 end end,
                   case when returned_at is not null and rr < 0.30 then returned_at + interval '1 hour' end,
                   case when fate = 'RECEIVED' then rd < 0.995 end,
                   case when fate = 'RECEIVED' then proc % 4 = 0 end
            from f""";

    /** The daily rollup, by the listener's rules: each counter on the day (Vietnam time) of its own event. */
    private static final String ROLLUP_DAYS = """
            insert into statistics_day (day, agency, procedure_code, field_code, level, received_online, received_in_person, received_by_post,
                received_digitized, received_fee, resolved_early, resolved_on_time, resolved_late, resolved_refused, returned, refused, withdrawn,
                supplement_requests, ratings, ratings_good, rating_sum)
            select day, agency, procedure_code, field_code, level, sum(a), sum(b), sum(c), sum(dg), sum(fe), sum(ee), sum(ot), sum(lt), sum(rf),
                   sum(rt), sum(rx), sum(wd), sum(sp), sum(ra), sum(rg), sum(rs)
            from (
              select (received_at at time zone 'Asia/Ho_Chi_Minh')::date as day, agency, procedure_code, field_code, level,
                     (channel in ('OWN_PORTAL', 'NATIONAL_PORTAL'))::int a, (channel = 'IN_PERSON')::int b, (channel = 'BY_POST')::int c,
                     coalesce(digitized, false)::int dg, coalesce(fee_required, false)::int fe, 0 ee, 0 ot, 0 lt, 0 rf, 0 rt, 0 rx, 0 wd, 0 sp,
                     0 ra, 0 rg, 0 rs
              from statistics_dossier where received_at is not null
              union all
              select (resolved_at at time zone 'Asia/Ho_Chi_Minh')::date, agency, procedure_code, field_code, level, 0, 0, 0, 0, 0,
                     (resolution = 'EARLY')::int, (resolution = 'ON_TIME')::int, (resolution = 'LATE')::int, (outcome = 'REFUSED')::int,
                     0, 0, 0, 0, 0, 0, 0
              from statistics_dossier where resolved_at is not null
              union all
              select (returned_at at time zone 'Asia/Ho_Chi_Minh')::date, agency, procedure_code, field_code, level, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                     1, 0, 0, 0, 0, 0, 0
              from statistics_dossier where returned_at is not null
              union all
              select (coalesce(refused_at, withdrawn_at) at time zone 'Asia/Ho_Chi_Minh')::date, agency, procedure_code, field_code, level,
                     0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (refused_at is not null)::int, (withdrawn_at is not null)::int, 0, 0, 0, 0
              from statistics_dossier where refused_at is not null or withdrawn_at is not null
              union all
              select (t at time zone 'Asia/Ho_Chi_Minh')::date, agency, procedure_code, field_code, level, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                     1, 0, 0, 0
              from statistics_dossier, unnest(supplement_requested_at) t where supplement_requests > 0
              union all
              select (rated_at at time zone 'Asia/Ho_Chi_Minh')::date, agency, procedure_code, field_code, level, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                     0, 0, 0, 1, (rating >= 4)::int, rating
              from statistics_dossier where rated_at is not null
            ) e group by day, agency, procedure_code, field_code, level""";

    private static final String ROLLUP_MONTHS = """
            insert into statistics_month
            select date_trunc('month', day)::date, agency, procedure_code, field_code, level, sum(received_online), sum(received_in_person),
                   sum(received_by_post), sum(received_digitized), sum(received_fee), sum(resolved_early), sum(resolved_on_time),
                   sum(resolved_late), sum(resolved_refused), sum(returned), sum(refused), sum(withdrawn), sum(supplement_requests),
                   sum(ratings), sum(ratings_good), sum(rating_sum), sum(payments), sum(paid_online)
            from statistics_day group by 1, 2, 3, 4, 5""";
}
