package vn.gov.egov.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full life of dossiers through a route, over HTTP against a running demonstration platform, then, in the same
 * run, the same database work in the platform's own tables with plain JDBC and no process engine: the ratio says what
 * the engine and the rest of the platform cost on top of the rows.
 *
 * <p>1. Publishes a five-step route for procedure 1.000001 at SO-TP (reception, appraisal, review, approval, return:
 * the agency administrator, {@code /api/v1/routes}) unless {@code -Dbench.route=6} keeps the default six-step
 * single-agency route (with the clerk's issuing step) published on first need. 2. Submits N dossiers as
 * {@link SubmissionLoad} does (multipart, two ~200 KB PDFs each; result delivery at the desk by default). 3. C workers,
 * one dossier each at a time: the one-stop officer accepts it, waits for its first step (the process starts
 * asynchronously after the acceptance), then every step is claimed and decided by the official of its role
 * ({@code FORWARD}, {@code APPROVE} with a result title at the approving step: the signed result is issued), the next
 * step's id taken from the decision's answer; at the return step the desk returns the result
 * ({@code result-return}) or, for online delivery, the driver waits for the automatic return. A dossier is complete
 * when RETURNED; the run then waits for every process to end (the return step is completed asynchronously).
 * 4. The plain-JDBC baseline: N marked dossiers copied from one the HTTP run wrote, then for each the transactions
 * the platform's actions make in its own tables ({@code dossier}, {@code dossier_step}, {@code dossier_paper},
 * {@code attachment_*}, {@code event_publication}, {@code processing_dossier}, {@code processing_step}), with the
 * same connections; deleted afterwards. Rows written per dossier (from {@code pg_stat_user_tables}) and commits are
 * printed for both, so what the baseline leaves out is visible.
 *
 * <pre>java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" vn.gov.egov.bench.ProcessingLoad \
 *   http://127.0.0.1:18080 http://localhost:18090 15432 [dossiers=300] [connections=16]</pre>
 * Options ({@code -D}): bench.route (5 | 6), bench.delivery (AT_DESK | ONLINE), bench.submitConnections (8),
 * bench.warmupDossiers (20: submitted and driven through first, not measured; the baseline also warms up), bench.agency (SO-TP), bench.officials (the demonstration officials' prefix, {@code stp}), bench.pollMillis (100: the interval of the driver's polls of the dossier while the process starts asynchronously).
 */
public final class ProcessingLoad {

    static final String JDBC_MARK = "BENCH-PROC-";

    private final URI platform;
    /** Each driver thread's own kept-alive connection (the cheapest client on the platform's two cores). */
    private final ThreadLocal<RawHttp> connections;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final String prefix;
    private final boolean atDesk;
    private final int pollMillis = Integer.getInteger("bench.pollMillis", 100);
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> lives = new ConcurrentLinkedQueue<>();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicLong lastReturned = new AtomicLong();

    void reset() {
        latencies.clear();
        lives.clear();
        errors.set(0);
        polls.set(0);
        lastReturned.set(0);
        firstError.set(null);
    }

    ProcessingLoad(URI platform, String prefix, boolean atDesk) {
        this.platform = platform;
        this.connections = ThreadLocal.withInitial(() -> new RawHttp(platform));
        this.prefix = prefix;
        this.atDesk = atDesk;
    }

    /** Exits in every case: the pools' threads would keep the JVM (and the script) waiting. */
    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        URI platform = URI.create(args[0]);
        URI simulator = URI.create(args[1]);
        CitizenTokens.requireLoopback(platform);
        CitizenTokens.requireLoopback(simulator);
        int pgPort = Integer.parseInt(args[2]);
        int dossiers = Math.min(args.length > 3 ? Integer.parseInt(args[3]) : 300, 9000);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        int route = Integer.getInteger("bench.route", 5);
        String agency = System.getProperty("bench.agency", "SO-TP");
        String delivery = System.getProperty("bench.delivery", "AT_DESK");
        System.setProperty("bench.delivery", delivery);
        int submitConnections = Integer.getInteger("bench.submitConnections", 8);
        ProcessingLoad load = new ProcessingLoad(platform, System.getProperty("bench.officials", "stp"), "AT_DESK".equals(delivery));

        long t0 = System.nanoTime();
        ObjectMapper json = JsonMapper.builder().build();
        List<CitizenTokens.Citizen> citizens = new ArrayList<>();
        for (CitizenTokens.Identity identity : CitizenTokens.identities(simulator, json).subList(0, 12)) {
            citizens.add(new CitizenTokens.Citizen(identity, CitizenTokens.token(platform, identity.personalId())));
        }
        for (String role : List.of("quantri", "motcua", "chuyenvien", "truongphong", "lanhdao", "vanthu")) {
            load.tokens.put(role, OfficialTokens.token(platform, load.prefix + "." + role));
        }
        System.out.printf("logged in %d citizens and %d officials (%s.*) in %.1f s%n", citizens.size(), load.tokens.size(), load.prefix,
                (System.nanoTime() - t0) / 1e9);
        if (route == 5) {
            load.publishFiveStepRoute(agency);
        } else {
            System.out.println("route: the default single-agency route (six user tasks), published on first need");
        }

        PdfPool pdfs = new PdfPool(32, Integer.getInteger("bench.fileSize", 200_000));
        List<SubmissionLoad.BodyTemplate> bodies = new ArrayList<>();
        for (CitizenTokens.Citizen citizen : citizens) {
            bodies.add(SubmissionLoad.BodyTemplate.of(json, citizen));
        }
        int warmup = Integer.getInteger("bench.warmupDossiers", 20);
        SubmissionLoad.Http http = new SubmissionLoad.Http(platform.resolve("/api/v1/dossiers"), bodies, pdfs, dossiers);
        if (warmup > 0) {
            SubmissionLoad.Http first = new SubmissionLoad.Http(platform.resolve("/api/v1/dossiers"), bodies, pdfs, warmup);
            first.run(submitConnections, 600);
            List<String> warm = new ArrayList<>(first.codes);
            long w = System.nanoTime();
            load.drive(warm, connections);
            System.out.printf("warm-up: %d dossiers submitted and driven to RETURNED in %.1f s, %d errors%n", warm.size(),
                    (System.nanoTime() - w) / 1e9, load.errors.get());
            load.reset();
        }
        ProcessCpu cpu = new ProcessCpu();
        ProcessCpu.Snapshot submitStart = cpu.snapshot();
        SubmissionLoad.Result submitted = http.run(submitConnections, 600);
        ProcessCpu.Snapshot submitEnd = cpu.snapshot();
        System.out.printf("1. submissions: %d dossiers (delivery %s) in %.1f s = %.1f dossiers/s, %d errors, p50=%.0f ms p99=%.0f ms%n",
                submitted.count(), delivery, submitted.seconds(), submitted.throughput(), submitted.errors(), submitted.percentile(50),
                submitted.percentile(99));
        System.out.println("   " + cpu.perOperation(submitStart, submitEnd, submitted.count(), "dossier"));
        if (http.firstError.get() != null) {
            System.out.println("   first error: " + http.firstError.get());
        }
        List<String> codes = new ArrayList<>(http.codes);
        String url = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
        Thread.sleep(11_000); // the submissions' listeners drain and PostgreSQL flushes their statistics
        Map<String, long[]> before;
        long commitsBefore;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            before = tableStats(c);
            commitsBefore = commits(c);
        }

        ProcessCpu.Snapshot start = cpu.snapshot();
        long begin = System.nanoTime();
        Instant processingFrom = Instant.now();
        load.drive(codes, connections);
        long returnedAt = load.lastReturned.get();
        double ended = load.waitForEnds(url, codes, begin);
        ProcessCpu.Snapshot end = cpu.snapshot();
        System.out.printf("   (processing phase from %s to %s, for a profile's time window)%n", processingFrom, Instant.now());
        double returnedSeconds = (returnedAt - begin) / 1e9;
        int completed = load.lives.size();
        System.out.printf("2. processing (accept -> %d steps -> RETURNED), %d connections: %d of %d dossiers RETURNED in %.1f s = "
                        + "%.1f dossiers/s; every process ended after %.1f s = %.1f dossiers/s; %d errors; %d polls%n", route, connections,
                completed, codes.size(), returnedSeconds, completed / returnedSeconds, ended, completed / ended, load.errors.get(),
                load.polls.get());
        System.out.println("   " + cpu.perOperation(start, end, completed, "dossier"));
        long[] life = load.lives.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("   life of a dossier (accept to RETURNED): p50=%.0f ms p90=%.0f ms p99=%.0f ms max=%.0f ms%n",
                pct(life, 50), pct(life, 90), pct(life, 99), pct(life, 100));
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(load.latencies).entrySet()) {
            long[] l = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("   %-22s n=%5d p50=%7.1f ms p90=%7.1f ms p99=%7.1f ms max=%7.1f ms%n", e.getKey(), l.length, pct(l, 50),
                    pct(l, 90), pct(l, 99), pct(l, 100));
        }
        if (load.firstError.get() != null) {
            System.out.println("   first error: " + load.firstError.get());
        }
        double whole = submitted.seconds() + ended;
        System.out.printf("3. whole life (submission %.1f s + processing %.1f s, one phase after the other): %.1f dossiers/s%n",
                submitted.seconds(), ended, completed / whole);
        Thread.sleep(11_000);
        Map<String, long[]> after;
        long commitsAfter;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            after = tableStats(c);
            commitsAfter = commits(c);
            check(c, codes);
        }
        printRows("HTTP", before, after, commitsAfter - commitsBefore, Math.max(1, completed));

        Baseline jdbc = new Baseline(url, route == 5 ? List.of("RECEIVE", "APPRAISE", "REVIEW", "APPROVE", "RETURN")
                : List.of("RECEIVE", "APPRAISE", "REVIEW", "APPROVE", "ISSUE", "RETURN"));
        try {
            jdbc.sample(codes.get(codes.size() / 2));
            jdbc.prepare(Math.max(1, warmup));
            jdbc.run(connections, () -> { });
            jdbc.prepare(completed);
            Thread.sleep(11_000);
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                before = tableStats(c);
                commitsBefore = commits(c);
            }
            ProcessCpu.Snapshot[] edges = new ProcessCpu.Snapshot[2];
            SubmissionLoad.Result baseline = jdbc.run(connections, () -> edges[edges[0] == null ? 0 : 1] = cpu.snapshot());
            System.out.printf("4. JDBC same rows, no process engine, %d connections: %d dossiers in %.2f s = %.1f dossiers/s, %d errors, "
                            + "life p50=%.1f ms p99=%.1f ms%n", connections, baseline.count(), baseline.seconds(), baseline.throughput(),
                    baseline.errors(), baseline.percentile(50), baseline.percentile(99));
            System.out.println("   " + cpu.perOperation(edges[0], edges[1], baseline.count(), "dossier"));
            if (jdbc.firstError.get() != null) {
                System.out.println("   first JDBC error: " + jdbc.firstError.get());
            }
            Thread.sleep(11_000);
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                printRows("JDBC", before, tableStats(c), commits(c) - commitsBefore, Math.max(1, baseline.count()));
            }
            System.out.printf("ratio HTTP/JDBC (processing part, until every process ended) = %.3f (%.1f / %.1f dossiers/s)%n",
                    completed / ended / baseline.throughput(), completed / ended, baseline.throughput());
        } finally {
            System.out.printf("JDBC baseline rows removed: %d dossiers%n", jdbc.clean());
        }
        System.exit(0);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    // ---- the route

    void publishFiveStepRoute(String agency) throws Exception {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("procedureCode", SubmissionLoad.PROCEDURE);
        form.put("agencyCode", agency);
        form.put("name", "Quy trình năm bước (đo tải): " + SubmissionLoad.PROCEDURE);
        form.put("decisionKey", null);
        form.put("steps", List.of(
                step("Tiếp nhận, chuyển hồ sơ", "RECEIVE", "ONE_STOP_OFFICER", "0.5d"),
                step("Thụ lý, thẩm định hồ sơ", "APPRAISE", "SPECIALIST", "6d"),
                step("Lãnh đạo phòng xem xét, trình", "REVIEW", "DIVISION_HEAD", "1.5d"),
                step("Lãnh đạo cơ quan phê duyệt, ký", "APPROVE", "AGENCY_LEADER", "1.5d"),
                step("Trả kết quả", "RETURN", "ONE_STOP_OFFICER", "0.5d")));
        Answer draft = send("quantri", "POST", "/api/v1/routes", json.writeValueAsString(form));
        if (draft.statusCode() != 201) {
            throw new IllegalStateException("route draft refused: " + draft.statusCode() + " " + draft.body());
        }
        String id = json.readTree(draft.body()).get("id").asString();
        Answer published = send("quantri", "POST", "/api/v1/routes/versions/" + id + "/publish", null);
        if (published.statusCode() != 200) {
            throw new IllegalStateException("route not published: " + published.statusCode() + " " + published.body());
        }
        System.out.println("route: five user tasks (RECEIVE, APPRAISE, REVIEW, APPROVE, RETURN) published for " + SubmissionLoad.PROCEDURE
                + " at " + agency + " (version " + id + ")");
    }

    private static Map<String, String> step(String name, String kind, String role, String time) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("kind", kind);
        s.put("role", role);
        s.put("unit", "${receivingAgency}");
        s.put("workingTime", time);
        return s;
    }

    // ---- the officials' work

    /** An answer of the platform: the request it answers, its status and its body. */
    record Answer(String method, String path, int statusCode, String body) {
    }

    Answer send(String role, String method, String path, String body) throws Exception {
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        URI target = platform.resolve(path);
        String authorization = "Authorization: Bearer " + tokens.get(role);
        byte[] head = content == null
                ? RawHttp.head(method, target, "GET".equals(method) ? -1 : 0, authorization, "Accept: application/json")
                : RawHttp.head(method, target, content.length, authorization, "Accept: application/json", "Content-Type: application/json");
        RawHttp.Response response = connections.get().exchange(head, content, true);
        return new Answer(method, target.getPath(), response.status(), response.text());
    }

    private Answer timed(String action, String role, String method, String path, String body) throws Exception {
        long t = System.nanoTime();
        Answer response = send(role, method, path, body);
        latencies.computeIfAbsent(action, a -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t);
        return response;
    }

    private static String roleFor(String kind) {
        return switch (kind) {
            case "RECEIVE", "RETURN" -> "motcua";
            case "APPRAISE" -> "chuyenvien";
            case "REVIEW" -> "truongphong";
            case "APPROVE" -> "lanhdao";
            case "ISSUE" -> "vanthu";
            default -> throw new IllegalStateException("no official for a step of kind " + kind);
        };
    }

    void drive(List<String> codes, int connections) throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(codes);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            futures.add(pool.submit(() -> {
                for (String code = queue.poll(); code != null; code = queue.poll()) {
                    try {
                        long t = System.nanoTime();
                        life(code);
                        long now = System.nanoTime();
                        lives.add(now - t);
                        lastReturned.accumulateAndGet(now, Math::max);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, code + ": " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private void life(String code) throws Exception {
        expect(timed("accept", "motcua", "POST", "/api/v1/reception/dossiers/" + code + "/acceptance", null), 200);
        long t = System.nanoTime();
        JsonNode step = openStep(code);
        latencies.computeIfAbsent("wait for 1st step", a -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t);
        while (!"RETURN".equals(step.get("kind").asString())) {
            String kind = step.get("kind").asString();
            String role = roleFor(kind);
            String id = step.get("id").asString();
            JsonNode assignee = step.get("assignee");
            if (assignee == null || assignee.isNull() || !assignee.asString().equals(prefix + "." + role)) {
                expect(timed("claim", role, "POST", "/api/v1/processing/tasks/" + id + "/claim", null), 200);
            }
            String decision = "APPROVE".equals(kind)
                    ? "{\"decision\":\"APPROVE\",\"resultTitle\":\"Phiếu lý lịch tư pháp số 1\",\"comment\":\"Đủ điều kiện cấp\"}"
                    : "{\"decision\":\"FORWARD\"}";
            Answer decided = expect(timed("APPROVE".equals(kind) ? "decide APPROVE (signs)" : "decide FORWARD", role, "POST",
                    "/api/v1/processing/tasks/" + id + "/decision", decision), 200);
            JsonNode next = null;
            for (JsonNode s : json.readTree(decided.body())) {
                if (s.get("completedAt") == null || s.get("completedAt").isNull()) {
                    next = s;
                    break;
                }
            }
            step = next != null ? next : openStep(code);
        }
        if (atDesk) {
            expect(timed("desk return", "motcua", "POST", "/api/v1/reception/dossiers/" + code + "/result-return",
                    "{\"recipientName\":\"Người nộp hồ sơ\"}"), 200);
        } else {
            long w = System.nanoTime();
            while (!"RETURNED".equals(view(code).get("status").asString())) {
                pause(w, code);
            }
            latencies.computeIfAbsent("wait online return", a -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - w);
        }
    }

    private JsonNode view(String code) throws Exception {
        polls.incrementAndGet();
        Answer r = timed("GET dossier (poll)", "motcua", "GET", "/api/v1/processing/dossiers/" + code, null);
        if (r.statusCode() == 404) {
            return null;
        }
        return json.readTree(expect(r, 200).body());
    }

    /** The dossier's open step, polled until there is one (the process starts and moves asynchronously). */
    private JsonNode openStep(String code) throws Exception {
        long since = System.nanoTime();
        while (true) {
            JsonNode dossier = view(code);
            if (dossier != null) {
                for (JsonNode s : dossier.get("steps")) {
                    if (s.get("completedAt") == null || s.get("completedAt").isNull()) {
                        return s;
                    }
                }
            }
            pause(since, code);
        }
    }

    private void pause(long since, String code) throws InterruptedException {
        if (System.nanoTime() - since > Duration.ofSeconds(120).toNanos()) {
            throw new IllegalStateException("no open step of " + code + " after 120 s");
        }
        Thread.sleep(pollMillis);
    }

    private static Answer expect(Answer response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.method() + " " + response.path() + " -> " + response.statusCode()
                    + " " + response.body());
        }
        return response;
    }

    /** Waits until every process of the run has ended; returns the seconds from the start of the processing phase. */
    double waitForEnds(String url, List<String> codes, long begin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement open = c.prepareStatement("select count(*) from processing_dossier where dossier_code = any (?) and ended_at is null");
             PreparedStatement last = c.prepareStatement("select max(ended_at) from processing_dossier where dossier_code = any (?)")) {
            open.setArray(1, c.createArrayOf("varchar", codes.toArray()));
            last.setArray(1, c.createArrayOf("varchar", codes.toArray()));
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = open.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
            long waited = System.nanoTime();
            try (ResultSet rs = last.executeQuery()) {
                rs.next();
                Timestamp at = rs.getTimestamp(1);
                // the last end as PostgreSQL recorded it, in this JVM's clock
                long lag = at == null ? 0 : Duration.between(at.toInstant(), Instant.now()).toNanos();
                return (waited - Math.max(0, lag) - begin) / 1e9;
            }
        }
    }

    static void check(Connection c, List<String> codes) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                select (select count(*) from dossier where code = any (?) and status = 'RETURNED') as returned,
                       (select count(*) from processing_dossier where dossier_code = any (?) and ended_at is not null) as ended,
                       (select count(*) from processing_step p join processing_dossier d on d.dossier_id = p.dossier_id
                         where d.dossier_code = any (?) and p.completed_at is not null) as steps_done,
                       (select count(*) from processing_dossier where dossier_code = any (?) and outcome = 'APPROVED') as approved""")) {
            for (int i = 1; i <= 4; i++) {
                s.setArray(i, c.createArrayOf("varchar", codes.toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                System.out.printf("   check in the database: %d dossiers RETURNED, %d processes ended, %d steps completed, %d approved%n",
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }

    // ---- rows written, from PostgreSQL's statistics

    static Map<String, long[]> tableStats(Connection c) throws Exception {
        Map<String, long[]> stats = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")) {
                while (rs.next()) {
                    stats.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
        }
        return stats;
    }

    static long commits(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void printRows(String label, Map<String, long[]> before, Map<String, long[]> after, long commits, long dossiers) {
        long[] engine = new long[3];
        StringBuilder platform = new StringBuilder();
        StringBuilder engineTables = new StringBuilder();
        long[] own = new long[3];
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[3]);
            long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1], e.getValue()[2] - b[2]};
            if (d[0] + d[1] + d[2] == 0) {
                continue;
            }
            boolean flowable = e.getKey().startsWith("act_") || e.getKey().startsWith("flw_");
            for (int i = 0; i < 3; i++) {
                (flowable ? engine : own)[i] += d[i];
            }
            if (flowable) {
                engineTables.append(String.format(" %s %.1f/%.1f/%.1f;", e.getKey(), d[0] / (double) dossiers, d[1] / (double) dossiers,
                        d[2] / (double) dossiers));
            } else {
                platform.append(String.format(" %s %.1f/%.1f/%.1f;", e.getKey(), d[0] / (double) dossiers, d[1] / (double) dossiers,
                        d[2] / (double) dossiers));
            }
        }
        System.out.printf("   %s rows per dossier (inserted/updated/deleted): process engine tables %.1f/%.1f/%.1f, platform tables "
                        + "%.1f/%.1f/%.1f; commits %.1f per dossier%n", label, engine[0] / (double) dossiers, engine[1] / (double) dossiers,
                engine[2] / (double) dossiers, own[0] / (double) dossiers, own[1] / (double) dossiers, own[2] / (double) dossiers,
                commits / (double) dossiers);
        System.out.println("   " + label + " platform tables:" + platform);
        if (engineTables.length() > 0) {
            System.out.println("   " + label + " process engine tables:" + engineTables);
        }
    }

    /** The same database work in the platform's own tables, without the process engine. */
    static final class Baseline {
        private final String url;
        private final List<String> kinds;
        final AtomicReference<String> firstError = new AtomicReference<>();
        private Map<String, Object> dossier;
        private final Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
        private Map<String, Object> processed;
        private final ConcurrentLinkedQueue<UUID> prepared = new ConcurrentLinkedQueue<>();
        private int sequence;

        Baseline(String url, List<String> kinds) {
            this.url = url;
            this.kinds = kinds;
        }

        Connection connect() throws Exception {
            return DriverManager.getConnection(url, "postgres", "");
        }

        void sample(String code) throws Exception {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                dossier = row(s, "select * from dossier where code = '" + code + "'").get(0);
                processed = row(s, "select * from processing_dossier where dossier_code = '" + code + "'").get(0);
                for (Map<String, Object> step : row(s, "select * from processing_step where dossier_id = '" + dossier.get("id") + "' order by seq")) {
                    steps.putIfAbsent(String.valueOf(step.get("kind")), step);
                }
            }
        }

        private static List<Map<String, Object>> row(Statement s, String sql) throws Exception {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException("no row for " + sql);
            }
            return rows;
        }

        /** N submitted dossiers, copies of the sample with their own id, code and keys (not measured). */
        void prepare(int count) throws Exception {
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                List<String> columns = new ArrayList<>(dossier.keySet());
                String sql = "insert into dossier (" + String.join(", ", columns) + ") values ("
                        + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    for (int n = 0; n < count; n++) {
                        UUID id = UUID.randomUUID();
                        Map<String, Object> values = new LinkedHashMap<>(dossier);
                        values.put("id", id);
                        values.put("code", JDBC_MARK + sequence++);
                        values.put("status", "SUBMITTED");
                        values.put("idempotency_key", JDBC_MARK + id);
                        values.put("external_reference", null);
                        values.put("result_id", null);
                        for (int i = 0; i < columns.size(); i++) {
                            insert.setObject(i + 1, values.get(columns.get(i)));
                        }
                        insert.addBatch();
                        prepared.add(id);
                    }
                    insert.executeBatch();
                }
                c.commit();
            }
        }

        SubmissionLoad.Result run(int connections, Runnable atEdges) throws Exception {
            java.util.concurrent.CyclicBarrier ready = new java.util.concurrent.CyclicBarrier(connections, atEdges);
            java.util.concurrent.CyclicBarrier done = new java.util.concurrent.CyclicBarrier(connections, atEdges);
            long[] times = new long[2];
            AtomicLong failed = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            List<Future<long[]>> futures = new ArrayList<>();
            for (int k = 0; k < connections; k++) {
                futures.add(pool.submit(() -> {
                    long[] lat = new long[1 << 10];
                    int n = 0;
                    try (Connection c = connect()) {
                        c.setAutoCommit(false);
                        Statements s = new Statements(c);
                        ready.await();
                        synchronized (times) {
                            if (times[0] == 0) {
                                times[0] = System.nanoTime();
                            }
                        }
                        for (UUID id = prepared.poll(); id != null; id = prepared.poll()) {
                            long t = System.nanoTime();
                            try {
                                life(c, s, id);
                            } catch (Exception e) {
                                failed.incrementAndGet();
                                firstError.compareAndSet(null, e.toString());
                                c.rollback();
                            }
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = System.nanoTime() - t;
                        }
                        synchronized (times) {
                            times[1] = Math.max(times[1], System.nanoTime());
                        }
                        done.await();
                    }
                    return Arrays.copyOf(lat, n);
                }));
            }
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            pool.shutdown();
            return SubmissionLoad.Result.of(parts, failed.get(), (times[1] - times[0]) / 1e9);
        }

        final class Statements {
            final PreparedStatement dossierLock;
            final PreparedStatement received;
            final PreparedStatement inProgress;
            final PreparedStatement resolved;
            final PreparedStatement returned;
            final PreparedStatement dossierStep;
            final PreparedStatement paper;
            final PreparedStatement content;
            final PreparedStatement reference;
            final PreparedStatement event;
            final PreparedStatement eventDone;
            final PreparedStatement begin;
            final PreparedStatement instance;
            final PreparedStatement processedLock;
            final PreparedStatement decided;
            final PreparedStatement ended;
            final PreparedStatement nextSeq;
            final PreparedStatement stepInsert;
            final PreparedStatement stepLock;
            final PreparedStatement claim;
            final PreparedStatement complete;

            Statements(Connection c) throws Exception {
                dossierLock = c.prepareStatement("select * from dossier where id = ? for update");
                received = c.prepareStatement("update dossier set status = 'RECEIVED', received_at = ?, received_by = ?, due_at = ?, "
                        + "appointment_date = ?, updated_at = ?, row_version = row_version + 1 where id = ?");
                inProgress = c.prepareStatement("update dossier set status = 'IN_PROGRESS', processing_started_at = ?, updated_at = ?, "
                        + "row_version = row_version + 1 where id = ?");
                resolved = c.prepareStatement("update dossier set status = 'RESOLVED', outcome = 'APPROVED', resolved_at = ?, updated_at = ?, "
                        + "row_version = row_version + 1 where id = ?");
                returned = c.prepareStatement("update dossier set status = 'RETURNED', returned_at = ?, returned_how = 'AT_DESK', returned_to = ?, "
                        + "closed_at = ?, updated_at = ?, row_version = row_version + 1 where id = ?");
                dossierStep = c.prepareStatement("""
                        insert into dossier_step (dossier_id, seq, at, action, status, actor, actor_kind, note, details)
                        values (?, (select coalesce(max(seq), 0) + 1 from dossier_step where dossier_id = ?), ?, ?, ?, ?, 'official', ?, null)""");
                paper = c.prepareStatement("insert into dossier_paper (dossier_id, kind, round, sha256, issued_at, issued_by) values (?, ?, 0, ?, ?, ?)");
                content = c.prepareStatement("""
                        INSERT INTO attachment_content (sha256, kind, media_type, size, pages, content, first_stored_at, location)
                        VALUES (?, 'PDF', 'application/pdf', 60000, 1, null, ?, 'fs') ON CONFLICT (sha256) DO NOTHING""");
                reference = c.prepareStatement("""
                        INSERT INTO attachment_reference (sha256, channel, dossier_code, file_name, stored_by, stored_at)
                        VALUES (?, 'PROCESSING', ?, ?, ?, ?)""");
                event = c.prepareStatement("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
                        values (?, ?, 'vn.gov.egov.dossier.DossierStatusChanged', ?, ?, 'PUBLISHED', 0)""");
                eventDone = c.prepareStatement("delete from event_publication where id = ?"); // completion mode "delete", as the platform
                begin = c.prepareStatement("""
                        insert into processing_dossier (dossier_id, dossier_code, procedure_code, procedure_name, receiving_agency,
                            process_definition_id, route_version_id, started_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""");
                instance = c.prepareStatement("update processing_dossier set process_instance_id = ? where dossier_id = ?");
                processedLock = c.prepareStatement("select * from processing_dossier where dossier_id = ? for update");
                decided = c.prepareStatement("update processing_dossier set outcome = 'APPROVED', result_title = ?, decision_note = ?, "
                        + "decided_by = ?, decided_at = ? where dossier_id = ?");
                ended = c.prepareStatement("update processing_dossier set ended_at = ? where dossier_id = ? and ended_at is null");
                nextSeq = c.prepareStatement("select coalesce(max(seq), 0) + 1 from processing_step where dossier_id = ?");
                stepInsert = c.prepareStatement("""
                        insert into processing_step (id, dossier_id, seq, task_id, activity_id, name, kind, candidate_group, agency_code,
                            allowed_minutes, created_at, due_at, assignee, assignee_name, claimed_at, assigned_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, null)""");
                stepLock = c.prepareStatement("select * from processing_step where id = ? for update");
                claim = c.prepareStatement("update processing_step set assignee = ?, assignee_name = ?, claimed_at = ?, assigned_by = ? where id = ?");
                complete = c.prepareStatement("""
                        update processing_step set completed_at = ?, completed_by = ?, completed_by_name = ?, decision = ?, comment = ?,
                            used_minutes = ?, waiting_since = null
                        where id = ?""");
            }
        }

        private UUID event(Statements s, UUID id, String code, String action, Timestamp at) throws Exception {
            UUID event = UUID.randomUUID();
            s.event.setObject(1, event);
            s.event.setString(2, JDBC_MARK + "listener");
            s.event.setString(3, "{\"dossierId\":\"" + id + "\",\"dossierCode\":\"" + code + "\",\"procedureCode\":\""
                    + processed.get("procedure_code") + "\",\"receivingAgency\":\"" + processed.get("receiving_agency")
                    + "\",\"channel\":\"OWN_PORTAL\",\"action\":\"" + action + "\",\"at\":\"" + at.toInstant() + "\"}");
            s.event.setTimestamp(4, at);
            s.event.executeUpdate();
            return event;
        }

        private void dossierStep(Statements s, UUID id, Timestamp at, String action, String status, String note) throws Exception {
            s.dossierStep.setObject(1, id);
            s.dossierStep.setObject(2, id);
            s.dossierStep.setTimestamp(3, at);
            s.dossierStep.setString(4, action);
            s.dossierStep.setString(5, status);
            s.dossierStep.setString(6, "Cán bộ đo tải");
            s.dossierStep.setString(7, note);
            s.dossierStep.executeUpdate();
        }

        private void file(Statements s, UUID id, String code, String kind, Timestamp at) throws Exception {
            String sha = HexFormat.of().formatHex(CitizenTokens.sha256((code + kind).getBytes(StandardCharsets.UTF_8)));
            s.content.setString(1, sha);
            s.content.setTimestamp(2, at);
            s.content.executeUpdate();
            s.reference.setString(1, sha);
            s.reference.setString(2, code);
            s.reference.setString(3, kind.toLowerCase() + ".pdf");
            s.reference.setString(4, "bench");
            s.reference.setTimestamp(5, at);
            s.reference.executeUpdate();
            if (!kind.equals("RESULT")) {
                s.paper.setObject(1, id);
                s.paper.setString(2, kind);
                s.paper.setString(3, sha);
                s.paper.setTimestamp(4, at);
                s.paper.setString(5, "bench");
                s.paper.executeUpdate();
            }
        }

        private UUID newStep(Statements s, UUID id, String kind, Timestamp at) throws Exception {
            Map<String, Object> t = steps.get(kind);
            s.nextSeq.setObject(1, id);
            int seq;
            try (ResultSet rs = s.nextSeq.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
            UUID step = UUID.randomUUID();
            s.stepInsert.setObject(1, step);
            s.stepInsert.setObject(2, id);
            s.stepInsert.setInt(3, seq);
            s.stepInsert.setString(4, JDBC_MARK + step);
            s.stepInsert.setObject(5, t.get("activity_id"));
            s.stepInsert.setObject(6, t.get("name"));
            s.stepInsert.setObject(7, t.get("kind"));
            s.stepInsert.setObject(8, t.get("candidate_group"));
            s.stepInsert.setObject(9, t.get("agency_code"));
            s.stepInsert.setObject(10, t.get("allowed_minutes"));
            s.stepInsert.setTimestamp(11, at);
            s.stepInsert.setTimestamp(12, new Timestamp(at.getTime() + 86_400_000L));
            s.stepInsert.executeUpdate();
            return step;
        }

        private void lock(PreparedStatement lock, UUID id) throws Exception {
            lock.setObject(1, id);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
        }

        private void complete(Statements s, UUID step, String decision, String comment, Timestamp at) throws Exception {
            s.complete.setTimestamp(1, at);
            s.complete.setString(2, "bench");
            s.complete.setString(3, "Cán bộ đo tải");
            s.complete.setString(4, decision);
            s.complete.setString(5, comment);
            s.complete.setInt(6, 5);
            s.complete.setObject(7, step);
            s.complete.executeUpdate();
        }

        /** The transactions of one dossier's life, in the order and grouping of the platform's actions. */
        private void life(Connection c, Statements s, UUID id) throws Exception {
            Timestamp now = Timestamp.from(Instant.now());
            String code;
            s.dossierLock.setObject(1, id);
            try (ResultSet rs = s.dossierLock.executeQuery()) {
                rs.next();
                code = rs.getString("code");
            }
            // acceptance: the dossier received, the form and the receipt issued and stored, its step and event
            s.received.setTimestamp(1, now);
            s.received.setString(2, "bench");
            s.received.setTimestamp(3, new Timestamp(now.getTime() + 14 * 86_400_000L));
            s.received.setObject(4, LocalDate.now().plusDays(14));
            s.received.setTimestamp(5, now);
            s.received.setObject(6, id);
            s.received.executeUpdate();
            file(s, id, code, "FORM", now);
            file(s, id, code, "RECEIPT", now);
            dossierStep(s, id, now, "RECEIVED", "RECEIVED", "Tiếp nhận hồ sơ");
            UUID receivedEvent = event(s, id, code, "RECEIVED", now);
            c.commit();
            // the listener starts the process: processing_dossier, the first step, the dossier in progress
            now = Timestamp.from(Instant.now());
            s.begin.setObject(1, id);
            s.begin.setString(2, code);
            s.begin.setObject(3, processed.get("procedure_code"));
            s.begin.setObject(4, processed.get("procedure_name"));
            s.begin.setObject(5, processed.get("receiving_agency"));
            s.begin.setObject(6, processed.get("process_definition_id"));
            s.begin.setObject(7, processed.get("route_version_id"));
            s.begin.setTimestamp(8, now);
            s.begin.executeUpdate();
            s.instance.setString(1, JDBC_MARK + id);
            s.instance.setObject(2, id);
            s.instance.executeUpdate();
            UUID step = newStep(s, id, kinds.get(0), now);
            s.inProgress.setTimestamp(1, now);
            s.inProgress.setTimestamp(2, now);
            s.inProgress.setObject(3, id);
            s.inProgress.executeUpdate();
            dossierStep(s, id, now, "PROCESSING_STARTED", "IN_PROGRESS", null);
            UUID startedEvent = event(s, id, code, "PROCESSING_STARTED", now);
            s.eventDone.setObject(1, receivedEvent);
            s.eventDone.executeUpdate();
            c.commit();
            UUID resolvedEvent = null;
            for (int k = 0; k < kinds.size() - 1; k++) {
                // claim
                now = Timestamp.from(Instant.now());
                lock(s.stepLock, step);
                s.claim.setString(1, "bench");
                s.claim.setString(2, "Cán bộ đo tải");
                s.claim.setTimestamp(3, now);
                s.claim.setString(4, "bench");
                s.claim.setObject(5, step);
                s.claim.executeUpdate();
                c.commit();
                // decide: the step and the dossier locked, the step completed, (approval: result stored, dossier
                // resolved), the next step recorded
                now = Timestamp.from(Instant.now());
                lock(s.stepLock, step);
                lock(s.processedLock, id);
                boolean approve = kinds.get(k).equals("APPROVE");
                if (approve) {
                    file(s, id, code, "RESULT", now);
                    s.resolved.setTimestamp(1, now);
                    s.resolved.setTimestamp(2, now);
                    s.resolved.setObject(3, id);
                    s.resolved.executeUpdate();
                    dossierStep(s, id, now, "RESOLVED", "RESOLVED", "Kết quả: Phiếu lý lịch tư pháp số 1");
                    resolvedEvent = event(s, id, code, "RESOLVED", now);
                    s.decided.setString(1, "Phiếu lý lịch tư pháp số 1");
                    s.decided.setString(2, "Đủ điều kiện cấp");
                    s.decided.setString(3, "bench");
                    s.decided.setTimestamp(4, now);
                    s.decided.setObject(5, id);
                    s.decided.executeUpdate();
                }
                complete(s, step, approve ? "APPROVE" : "FORWARD", approve ? "Phê duyệt: Phiếu lý lịch tư pháp số 1" : null, now);
                step = newStep(s, id, kinds.get(k + 1), now);
                c.commit();
            }
            // the desk returns the result
            now = Timestamp.from(Instant.now());
            lock(s.dossierLock, id);
            s.returned.setTimestamp(1, now);
            s.returned.setString(2, "Người nộp hồ sơ (người nộp hồ sơ)");
            s.returned.setTimestamp(3, now);
            s.returned.setTimestamp(4, now);
            s.returned.setObject(5, id);
            s.returned.executeUpdate();
            dossierStep(s, id, now, "RETURNED", "RETURNED", "Người nộp hồ sơ (người nộp hồ sơ)");
            UUID returnedEvent = event(s, id, code, "RETURNED", now);
            if (resolvedEvent != null) {
                s.eventDone.setObject(1, resolvedEvent);
                s.eventDone.executeUpdate();
            }
            c.commit();
            // the listener completes the return step and the process ends
            now = Timestamp.from(Instant.now());
            lock(s.stepLock, step);
            complete(s, step, "COMPLETE", "Bộ phận Một cửa đã trả kết quả", now);
            s.ended.setTimestamp(1, now);
            s.ended.setObject(2, id);
            s.ended.executeUpdate();
            s.eventDone.setObject(1, returnedEvent);
            s.eventDone.executeUpdate();
            s.eventDone.setObject(1, startedEvent);
            s.eventDone.executeUpdate();
            c.commit();
        }

        /** Deletes every row the baseline wrote; returns the number of dossiers removed. */
        int clean() throws Exception {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                String mine = "(select id from dossier where code like '" + JDBC_MARK + "%')";
                s.executeUpdate("delete from processing_step where dossier_id in " + mine);
                s.executeUpdate("delete from processing_dossier where dossier_code like '" + JDBC_MARK + "%'");
                s.executeUpdate("delete from dossier_paper where dossier_id in " + mine);
                s.executeUpdate("delete from dossier_step where dossier_id in " + mine);
                s.executeUpdate("create temp table bench_sha on commit drop as select distinct sha256 from attachment_reference "
                        + "where dossier_code like '" + JDBC_MARK + "%'");
                s.executeUpdate("delete from attachment_reference where dossier_code like '" + JDBC_MARK + "%'");
                s.executeUpdate("delete from attachment_content c where c.sha256 in (select sha256 from bench_sha) "
                        + "and not exists (select 1 from attachment_reference r where r.sha256 = c.sha256)");
                s.executeUpdate("delete from event_publication where listener_id = '" + JDBC_MARK + "listener'");
                int removed = s.executeUpdate("delete from dossier where code like '" + JDBC_MARK + "%'");
                c.commit();
                return removed;
            }
        }
    }
}
