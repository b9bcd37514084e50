package vn.gov.egov.bench;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Online submissions over HTTP against a running demonstration platform on this machine, then, in the same run,
 * the same rows inserted with plain JDBC into the same PostgreSQL: the ratio says what the platform costs on top of
 * the database work.
 *
 * <p>HTTP: C kept-alive connections written by hand ({@link RawHttp}, the cheapest driver on the platform's own cores)
 * in a closed loop for D seconds after a warm-up, each request a valid dossier of procedure
 * 1.000001 (form + two ~200 KB PDFs, different bytes every time) with a citizen's token (simulated VNeID identities
 * logged in through the demonstration client, round-robin) and a fresh Idempotency-Key. Counts status != 201 as
 * errors and prints the first error body. A day has at most 9,999 codes per agency: the run stops at a budget
 * (9,000 with the warm-up, {@code -Dbench.budget}) and then reports over the time it really ran.
 *
 * <p>JDBC: C connections, same duration, one transaction per dossier: the code counter upsert (by default a second
 * time with the code taken in its own transaction first, as the platform does), one {@code dossier}
 * row (sealed values copied from a dossier the HTTP run wrote), 2 {@code attachment_content} + 2
 * {@code attachment_reference}, 2 {@code dossier_document}, 1 {@code dossier_step}, 1 {@code event_publication}.
 * Its rows are marked (codes {@code BENCH-JDBC-…}) and deleted afterwards.
 *
 * <pre>java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" vn.gov.egov.bench.SubmissionLoad \
 *   http://127.0.0.1:18080 http://localhost:18090 15432 [connections=8] [seconds=30] [codes-file]</pre>
 * <p>Before the warm-up, a pre-warm-up of {@code bench.prewarm} seconds (180; 0: none) submits birth registrations
 * (1.000003, the same request path with another form) round-robin to the three communes that receive them, each with
 * its own codes of the day, in 30 s parts printed with their rate and the JIT compiler's share of the platform's CPU: on
 * Java 17 that share is still about a fifth after three minutes, on Java 25 it falls below a twentieth after 90 s
 * (2026-11-28). 1.000001's 9,999 codes a day at SO-TP last less than a minute at the target rate.
 *
 * <p>After the closed loop, a SUSTAINED phase ({@link #sustained}): {@code bench.sustained} seconds (120; 0: none) in an
 * {@link OpenLoop} at {@code bench.sustainedRate} dossiers a second (200, the target) from
 * {@code bench.sustainedConnections} (32) connections, over three procedures of three provincial departments with the
 * same shape (e-form, two ~200 KB PDFs): it shows whether the platform keeps the rate for minutes, with each latency
 * counted from its intended send time and the p99 of every 10 s printed. Run right after the pre-warm-up instead
 * (session 15), it met paths the JVM had not compiled yet and cost 1.2 ms more platform CPU per dossier than the
 * closed loop after it.
 *
 * <p>Options ({@code -D}): bench.prewarm (s, 180), bench.warmup (s, 10), bench.budget (9000), bench.identities (12), bench.fileSize (200000),
 * bench.sustained (s, 120), bench.sustainedRate (200), bench.sustainedConnections (32),
 * bench.delivery (result delivery asked, {@code ONLINE}), bench.jdbc.modes ({@code both}: the baseline runs twice, {@code one}: one transaction per dossier, the counter row
 * locked until the commit, {@code own}: the code taken in its own transaction first, as the platform does).
 */
public final class SubmissionLoad {

    static final String PROCEDURE = "1.000001";
    static final String ID_CARD = "Căn cước công dân hoặc hộ chiếu";
    /** The pre-warm-up's procedure and the communes that receive it, each with its own 9,999 codes a day. */
    static final String BIRTH_REGISTRATION = "1.000003";
    static final String BIRTH_CERTIFICATE = "Giấy chứng sinh";
    static final List<String> COMMUNES = List.of("UBND-05977", "UBND-05983", "UBND-06001");
    static final String JDBC_MARK = "BENCH-JDBC-";

    public static void main(String[] args) throws Exception {
        URI platform = URI.create(args[0]);
        URI simulator = URI.create(args[1]);
        CitizenTokens.requireLoopback(platform);
        CitizenTokens.requireLoopback(simulator);
        int pgPort = Integer.parseInt(args[2]);
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int seconds = Math.min(args.length > 4 ? Integer.parseInt(args[4]) : 30, 300);
        Path codesFile = args.length > 5 ? Path.of(args[5]) : null;
        int warmup = Integer.getInteger("bench.warmup", 10);
        int prewarm = Integer.getInteger("bench.prewarm", 180);
        int budget = Integer.getInteger("bench.budget", 9000);
        int identityCount = Integer.getInteger("bench.identities", 12);
        int fileSize = Integer.getInteger("bench.fileSize", 200_000);
        String jdbcModes = System.getProperty("bench.jdbc.modes", "both");
        List<Boolean> modes = switch (jdbcModes) {
            case "one" -> List.of(false);
            case "own" -> List.of(true);
            default -> List.of(false, true);
        };

        ObjectMapper json = JsonMapper.builder().build();
        long t0 = System.nanoTime();
        List<CitizenTokens.Identity> identities = CitizenTokens.identities(simulator, json);
        List<CitizenTokens.Citizen> citizens = new ArrayList<>();
        for (CitizenTokens.Identity identity : identities.subList(0, Math.min(identityCount, identities.size()))) {
            citizens.add(new CitizenTokens.Citizen(identity, CitizenTokens.token(platform, identity.personalId())));
        }
        System.out.printf("logged in %d simulated VNeID identities in %.1f s%n", citizens.size(), (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        PdfPool pdfs = new PdfPool(32, fileSize);
        List<BodyTemplate> bodies = new ArrayList<>();
        for (CitizenTokens.Citizen citizen : citizens) {
            bodies.add(BodyTemplate.of(json, citizen));
        }
        System.out.printf("generated %d PDFs of %d bytes in %.1f s (each request patches 18 random bytes of each of its two files)%n",
                pdfs.size(), pdfs.get(0).pdf().length, (System.nanoTime() - t0) / 1e9);

        if (prewarm > 0) {
            List<BodyTemplate> births = new ArrayList<>();
            for (String commune : COMMUNES) {
                for (CitizenTokens.Citizen citizen : citizens) {
                    births.add(BodyTemplate.birthRegistration(json, citizen, commune));
                }
            }
            // round-robin over the communes: request i goes to commune i % 3 (births is commune-major, so interleave)
            List<BodyTemplate> interleaved = new ArrayList<>();
            for (int i = 0; i < births.size(); i++) {
                interleaved.add(births.get((i % COMMUNES.size()) * citizens.size() + (i / COMMUNES.size()) % citizens.size()));
            }
            Http pre = new Http(platform.resolve("/api/v1/dossiers"), interleaved, pdfs, budget * COMMUNES.size());
            // in 30 s parts, each with its rate and the share of the JIT compiler, to show how far the warm-up got
            ProcessCpu warming = new ProcessCpu();
            long count = 0;
            long errors = 0;
            int ran = 0;
            while (ran < prewarm) {
                int part = Math.min(30, prewarm - ran);
                ProcessCpu.Snapshot before = warming.snapshot();
                Result done = pre.run(connections, part);
                System.out.printf("  pre-warm-up %3d–%3d s: %.1f dossiers/s, %s%n", ran, ran + part, done.throughput(),
                        warming.platformPerOperation(before, warming.snapshot(), done.count()));
                count += done.count();
                errors += done.errors();
                ran += part;
                if (done.seconds() < part - 0.5) {
                    System.out.printf("  (the three communes' %d codes of the day used up)%n", budget * COMMUNES.size());
                    break;
                }
            }
            System.out.printf("pre-warm-up (JIT): %d s, %d birth registrations at %d communes, %d errors%s%n", ran, count,
                    COMMUNES.size(), errors, pre.firstError.get() == null ? "" : " (first: " + pre.firstError.get() + ")");
        }
        Http http = new Http(platform.resolve("/api/v1/dossiers"), bodies, pdfs, budget);
        Result warm = http.run(connections, warmup);
        System.out.printf("warm-up: %d s, %d dossiers, %d errors%n", warmup, warm.count(), warm.errors());
        ProcessCpu cpu = new ProcessCpu();
        ProcessCpu.Snapshot httpStart = cpu.snapshot();
        Result result = http.run(connections, seconds);
        ProcessCpu.Snapshot httpEnd = cpu.snapshot();
        System.out.printf("HTTP  submissions: connections=%d seconds=%.1f dossiers=%d errors=%d throughput=%.1f dossiers/s "
                        + "p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n", connections, result.seconds(), result.count(),
                result.errors(), result.throughput(), result.percentile(50), result.percentile(90), result.percentile(99),
                result.percentile(100));
        System.out.println("HTTP  " + cpu.perOperation(httpStart, httpEnd, result.count(), "dossier"));
        if (http.firstError.get() != null) {
            System.out.println("first error: " + http.firstError.get());
        }
        if (result.seconds() < seconds - 0.5) {
            System.out.printf("(stopped at the budget of %d codes a day for the agency, after %.1f s)%n", budget, result.seconds());
        }
        int sustained = Integer.getInteger("bench.sustained", 120);
        if (sustained > 0) {
            sustained(platform, json, citizens, pdfs, Integer.getInteger("bench.sustainedRate", 200), sustained, budget,
                    Integer.getInteger("bench.sustainedConnections", 32));
        }
        if (codesFile != null) {
            Files.write(codesFile, http.codes, StandardCharsets.UTF_8);
            System.out.printf("%d dossier codes written to %s%n", http.codes.size(), codesFile);
        }

        String url = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
        Jdbc jdbc = new Jdbc(url, pdfs);
        try {
            jdbc.sample();
            jdbc.counterOwnTransaction = false;
            Result jdbcWarm = jdbc.run(connections, Math.min(3, warmup), null);
            System.out.printf("JDBC  warm-up: %d dossiers%n", jdbcWarm.count());
            for (boolean own : modes) {
                jdbc.counterOwnTransaction = own;
                ProcessCpu.Snapshot[] jdbcCpu = new ProcessCpu.Snapshot[2];
                Result baseline = jdbc.run(connections, (int) Math.round(result.seconds()), () -> {
                    jdbcCpu[jdbcCpu[0] == null ? 0 : 1] = cpu.snapshot();
                });
                String mode = own ? "code in its own transaction first, as the platform" : "one transaction per dossier";
                System.out.printf("JDBC  same rows (%s): connections=%d seconds=%.1f dossiers=%d errors=%d throughput=%.1f dossiers/s "
                                + "p50=%.1f ms p99=%.1f ms%n", mode, connections, baseline.seconds(), baseline.count(), baseline.errors(),
                        baseline.throughput(), baseline.percentile(50), baseline.percentile(99));
                System.out.println("JDBC  " + cpu.perOperation(jdbcCpu[0], jdbcCpu[1], baseline.count(), "dossier"));
                if (jdbc.firstError.get() != null) {
                    System.out.println("first JDBC error: " + jdbc.firstError.get());
                }
                System.out.printf("ratio HTTP/JDBC (%s) = %.2f (%.1f / %.1f dossiers/s)%n", mode,
                        result.throughput() / baseline.throughput(), result.throughput(), baseline.throughput());
            }
        } finally {
            System.out.printf("JDBC baseline rows removed: %d dossiers%n", jdbc.clean());
        }
        jdbc.settle();
        System.exit(0);
    }

    record Result(long count, long errors, double seconds, long[] latenciesNanos) {
        double throughput() {
            return count / seconds;
        }

        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1_000_000.0;
        }

        static Result of(List<long[]> parts, long errors, double seconds) {
            long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(all.length, errors, seconds, all);
        }
    }

    /** A citizen's request body with two placeholders for the files, split around them. */
    record BodyTemplate(String token, byte[] head, byte[] middle, byte[] tail, byte[] partsHead, byte[] partsMiddle,
                        byte[] partsTail) {

        /** {@code multipart} (default): the files as raw parts; {@code json}: the files base64 in a JSON body. */
        static final boolean MULTIPART = !"json".equals(System.getProperty("bench.body", "multipart"));
        static final String BOUNDARY = "egov-bench-7d3f0c2a";

        String contentType() {
            return MULTIPART ? "multipart/form-data; boundary=" + BOUNDARY : "application/json";
        }

        byte[] build(PdfPool.Template first, PdfPool.Template second, byte[][] nonce) {
            return MULTIPART ? buildParts(first, second, nonce[0], nonce[1]) : build(first, second, nonce[0], nonce[1]);
        }

        byte[] buildParts(PdfPool.Template first, PdfPool.Template second, byte[] nonce0, byte[] nonce1) {
            byte[] out = new byte[partsHead.length + first.pdf().length + partsMiddle.length + second.pdf().length + partsTail.length];
            int at = 0;
            System.arraycopy(partsHead, 0, out, at, partsHead.length);
            at += partsHead.length;
            System.arraycopy(first.pdf(), 0, out, at, first.pdf().length);
            System.arraycopy(nonce0, 0, out, at + first.byteOffset(), nonce0.length);
            at += first.pdf().length;
            System.arraycopy(partsMiddle, 0, out, at, partsMiddle.length);
            at += partsMiddle.length;
            System.arraycopy(second.pdf(), 0, out, at, second.pdf().length);
            System.arraycopy(nonce1, 0, out, at + second.byteOffset(), nonce1.length);
            at += second.pdf().length;
            System.arraycopy(partsTail, 0, out, at, partsTail.length);
            return out;
        }

        static BodyTemplate of(ObjectMapper json, CitizenTokens.Citizen citizen) {
            CitizenTokens.Identity who = citizen.identity();
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("hoTen", who.fullName());
            form.put("soDinhDanh", who.personalId());
            form.put("ngaySinh", who.birthDate());
            form.put("gioiTinh", "female".equals(who.gender()) ? "Nữ" : "Nam");
            form.put("noiThuongTru", "Số 12 đường Lê Lợi, Phường Đông Kinh, Tỉnh Lạng Sơn");
            form.put("dienThoai", who.phoneNumber());
            form.put("loaiPhieu", 1);
            form.put("mucDichSuDung", "Bổ sung hồ sơ xin việc");
            form.put("soLuongPhieu", 1);
            return of(json, citizen, PROCEDURE, null, form, ID_CARD);
        }

        /** A birth registration (1.000003) at one of the communes that receive it: the pre-warm-up's requests. */
        static BodyTemplate birthRegistration(ObjectMapper json, CitizenTokens.Citizen citizen, String commune) {
            CitizenTokens.Identity who = citizen.identity();
            Map<String, Object> applicant = new LinkedHashMap<>();
            applicant.put("hoTen", who.fullName());
            applicant.put("soDinhDanh", who.personalId());
            applicant.put("dienThoai", who.phoneNumber());
            applicant.put("quanHe", "female".equals(who.gender()) ? "Mẹ" : "Cha");
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("nguoiYeuCau", applicant);
            form.put("hoTenTre", "Hoàng Minh An");
            form.put("ngaySinhTre", java.time.LocalDate.now().minusDays(10).toString());
            form.put("gioiTinhTre", "Nam");
            form.put("noiSinh", "Bệnh viện Đa khoa tỉnh Lạng Sơn");
            form.put("danToc", "Tày");
            form.put("hoTenMe", "Nông Thị Hoa");
            return of(json, citizen, BIRTH_REGISTRATION, commune, form, BIRTH_CERTIFICATE);
        }

        static BodyTemplate of(ObjectMapper json, CitizenTokens.Citizen citizen, String procedure, String agency,
                               Map<String, Object> form, String requiredDocument) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("procedureCode", procedure);
            if (agency != null) {
                body.put("agencyCode", agency);
            }
            body.put("form", form);
            body.put("documents", List.of(document(requiredDocument, "cccd.pdf", "@@FILE-0@@"),
                    document(null, "giay-to-khac.pdf", "@@FILE-1@@")));
            body.put("resultDelivery", System.getProperty("bench.delivery", "ONLINE"));
            String text = json.writeValueAsString(body);
            int a = text.indexOf("@@FILE-0@@");
            int b = text.indexOf("@@FILE-1@@");
            body.put("documents", List.of(part(requiredDocument, "cccd.pdf", "file0"), part(null, "giay-to-khac.pdf", "file1")));
            String submission = json.writeValueAsString(body);
            String partsHead = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"submission\"\r\nContent-Type: application/json\r\n\r\n"
                    + submission + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file0\"; filename=\"cccd.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n";
            String partsMiddle = "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file1\"; filename=\"giay-to-khac.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n";
            String partsTail = "\r\n--" + BOUNDARY + "--\r\n";
            return new BodyTemplate(citizen.token(), text.substring(0, a).getBytes(StandardCharsets.UTF_8),
                    text.substring(a + 10, b).getBytes(StandardCharsets.UTF_8), text.substring(b + 10).getBytes(StandardCharsets.UTF_8),
                    partsHead.getBytes(StandardCharsets.UTF_8), partsMiddle.getBytes(StandardCharsets.UTF_8),
                    partsTail.getBytes(StandardCharsets.UTF_8));
        }

        private static Map<String, Object> part(String required, String fileName, String part) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("requiredDocument", required);
            d.put("fileName", fileName);
            d.put("mediaType", "application/pdf");
            d.put("file", part);
            return d;
        }

        private static Map<String, Object> document(String required, String fileName, String content) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("requiredDocument", required);
            d.put("fileName", fileName);
            d.put("mediaType", "application/pdf");
            d.put("content", content);
            return d;
        }

        byte[] build(PdfPool.Template first, PdfPool.Template second, byte[] nonce0, byte[] nonce1) {
            byte[] out = new byte[head.length + first.base64().length + middle.length + second.base64().length + tail.length];
            int at = 0;
            System.arraycopy(head, 0, out, at, head.length);
            at += head.length;
            System.arraycopy(first.base64(), 0, out, at, first.base64().length);
            PdfPool.patchBase64(out, at, first, nonce0);
            at += first.base64().length;
            System.arraycopy(middle, 0, out, at, middle.length);
            at += middle.length;
            System.arraycopy(second.base64(), 0, out, at, second.base64().length);
            PdfPool.patchBase64(out, at, second, nonce1);
            at += second.base64().length;
            System.arraycopy(tail, 0, out, at, tail.length);
            return out;
        }
    }

    /**
     * The sustained phase: submissions in an {@link OpenLoop} at a fixed rate (200 a second, the target) for minutes,
     * round-robin over three procedures of three provincial departments ({@link #SUSTAINED}), each with its own 9,999
     * codes a day, after 5 s at the same rate that are not recorded. A platform that cannot keep the rate falls behind
     * and its queueing shows in the latencies (from each request's intended send time) and in the answered rate.
     */
    static void sustained(URI platform, ObjectMapper json, List<CitizenTokens.Citizen> citizens, PdfPool pdfs, int rate, int seconds,
                          int budget, int connections) throws Exception {
        int warmup = 5;
        int most = budget * SUSTAINED.size() / rate - warmup;
        if (seconds > most) {
            System.out.printf("sustained phase shortened to %d s: %d codes a day at each of %d departments%n", most, budget, SUSTAINED.size());
            seconds = most;
        }
        // request i goes to procedure i % 3, its citizen turning every three requests
        List<BodyTemplate> bodies = new ArrayList<>();
        for (CitizenTokens.Citizen citizen : citizens) {
            for (Sustained procedure : SUSTAINED) {
                bodies.add(procedure.body(json, citizen));
            }
        }
        URI target = platform.resolve("/api/v1/dossiers");
        Nonces nonces = new Nonces();
        AtomicLong offset = new AtomicLong();
        OpenLoop.Exchange submit = (http, n) -> {
            long i = offset.get() + n;
            BodyTemplate body = bodies.get((int) (i % bodies.size()));
            byte[] bytes = body.build(pdfs.get((int) (2 * i)), pdfs.get((int) (2 * i + 1)), nonces.next());
            byte[] head = RawHttp.head("POST", target, bytes.length, "Authorization: Bearer " + body.token(),
                    "Content-Type: " + body.contentType(), "Idempotency-Key: " + UUID.randomUUID(), "Accept: application/json");
            return http.exchange(head, bytes, true);
        };
        OpenLoop.Run warm = OpenLoop.run(platform, rate, warmup, connections, 30_000, 201, submit);
        offset.set(warm.scheduled);
        ProcessCpu cpu = new ProcessCpu();
        ProcessCpu.Snapshot before = cpu.snapshot();
        OpenLoop.Run run = OpenLoop.run(platform, rate, seconds, connections, 30_000, 201, submit);
        ProcessCpu.Snapshot after = cpu.snapshot();
        System.out.printf("SUSTAINED submissions (open loop, %s): target=%d dossiers/s seconds=%d scheduled=%d sent at %.1f/s answered=%d "
                        + "errors=%d answered rate=%.1f dossiers/s %s (from the intended send time; sender lag max %.2f ms; "
                        + "warm-up %d s: %d errors)%n", SUSTAINED.stream().map(Sustained::procedure).toList(), rate, seconds, run.scheduled,
                run.sentRate(), run.latencies.length, run.errors.get(), run.answeredRate(), run.percentiles(), run.maxSendLagNanos / 1e6,
                warmup, warm.errors.get());
        System.out.println("SUSTAINED p99 of each 10 s (ms): " + run.p99Timeline(10));
        System.out.println("SUSTAINED " + cpu.perOperation(before, after, run.scheduled, "dossier"));
        String firstError = warm.firstError.get() != null ? warm.firstError.get() : run.firstError.get();
        if (firstError != null) {
            System.out.println("first error: " + firstError);
        }
    }

    /** A procedure of the sustained phase: like 1.000001, an e-form, one required document and one more, at its department. */
    record Sustained(String procedure, String agency, String requiredDocument,
                     java.util.function.Function<CitizenTokens.Identity, Map<String, Object>> form) {

        BodyTemplate body(ObjectMapper json, CitizenTokens.Citizen citizen) {
            return BodyTemplate.of(json, citizen, procedure, agency, form.apply(citizen.identity()), requiredDocument);
        }
    }

    /** Copies of diplomas (Education), a plant-protection retail licence (Agriculture), a sole proprietorship (Finance). */
    static final List<Sustained> SUSTAINED = List.of(
            new Sustained("1.000023", "SO-GDDT", "Giấy tờ tùy thân", who -> {
                Map<String, Object> form = new LinkedHashMap<>();
                form.put("hoTen", who.fullName());
                form.put("soDinhDanh", who.personalId());
                form.put("dienThoai", who.phoneNumber());
                form.put("quanHe", "Bản thân");
                form.put("hoTenNguoiDuocCap", who.fullName());
                form.put("ngaySinhNguoiDuocCap", who.birthDate());
                form.put("loaiVanBang", "TOT_NGHIEP_THPT");
                form.put("noiCap", "Trường Trung học phổ thông Việt Bắc, tỉnh Lạng Sơn");
                form.put("namTotNghiep", 2008);
                form.put("soLuongBanSao", 2);
                form.put("mucDich", "Bổ sung hồ sơ dự tuyển viên chức");
                return form;
            }),
            new Sustained("1.000028", "SO-NNMT", "Bản thuyết minh điều kiện kinh doanh", who -> {
                Map<String, Object> form = new LinkedHashMap<>();
                form.put("tenCoSo", "Hộ kinh doanh Vật tư nông nghiệp Hoàng An");
                form.put("nguoiDaiDien", who.fullName());
                form.put("diaChiTruSo", "Thôn Pác Mòng, xã Hoàng Văn Thụ, tỉnh Lạng Sơn");
                form.put("dienThoai", who.phoneNumber());
                form.put("hinhThucKinhDoanh", "BAN_LE");
                form.put("diaChiCuaHang", "Thôn Pác Mòng, xã Hoàng Văn Thụ, tỉnh Lạng Sơn");
                form.put("dienTichCuaHang", 45.5);
                form.put("coKhoThuoc", false);
                form.put("nguoiPhuTrachChuyenMon", who.fullName());
                form.put("trinhDoChuyenMon", "Trung cấp chuyên ngành bảo vệ thực vật");
                return form;
            }),
            new Sustained("2.000007", "SO-TC", "Bản sao giấy tờ pháp lý của chủ doanh nghiệp tư nhân", who -> {
                Map<String, Object> form = new LinkedHashMap<>();
                form.put("tenDoanhNghiep", "Doanh nghiệp tư nhân Thương mại Hoàng An");
                form.put("diaChiTruSo", "Số 8 đường Trần Đăng Ninh, phường Tam Thanh, tỉnh Lạng Sơn");
                form.put("maNganhChinh", "4719");
                form.put("nganhNghe", "Bán lẻ khác trong các cửa hàng kinh doanh tổng hợp");
                form.put("vonDauTu", 500_000_000);
                form.put("chuDoanhNghiep", who.fullName());
                form.put("soDinhDanh", who.personalId());
                form.put("ngaySinh", who.birthDate());
                form.put("diaChiLienLac", "Số 8 đường Trần Đăng Ninh, phường Tam Thanh, tỉnh Lạng Sơn");
                form.put("phuongPhapTinhThue", "KHAU_TRU");
                return form;
            }));

    /** A unique 18-byte value: the run, the request number, the file. */
    static final class Nonces {
        private final byte[] run = new byte[9];
        private final AtomicLong sequence = new AtomicLong();

        Nonces() {
            new SecureRandom().nextBytes(run);
        }

        byte[][] next() {
            long n = sequence.incrementAndGet();
            byte[][] pair = new byte[2][];
            for (int f = 0; f < 2; f++) {
                pair[f] = ByteBuffer.allocate(PdfPool.NONCE_BYTES).put(run).putLong(n).put((byte) f).array();
            }
            return pair;
        }
    }

    /** Closed-loop submissions, one {@link RawHttp} connection per driver thread. */
    static final class Http {
        private final URI target;
        private final List<BodyTemplate> bodies;
        private final PdfPool pdfs;
        private final Nonces nonces = new Nonces();
        private final AtomicInteger sent = new AtomicInteger();
        private final int budget;
        final AtomicReference<String> firstError = new AtomicReference<>();
        final ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();

        Http(URI target, List<BodyTemplate> bodies, PdfPool pdfs, int budget) {
            this.target = target;
            this.bodies = bodies;
            this.pdfs = pdfs;
            this.budget = budget;
        }

        Result run(int connections, int seconds) throws Exception {
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            AtomicLong errors = new AtomicLong();
            AtomicLong lastEnd = new AtomicLong(start);
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 12];
                    int n = 0;
                    try (RawHttp http = new RawHttp(target)) {
                        while (System.nanoTime() < end) {
                            int i = sent.getAndIncrement();
                            if (i >= budget) {
                                break;
                            }
                            BodyTemplate body = bodies.get(i % bodies.size());
                            byte[][] nonce = nonces.next();
                            byte[] bytes = body.build(pdfs.get(2 * i), pdfs.get(2 * i + 1), nonce);
                            byte[] head = RawHttp.head("POST", target, bytes.length, "Authorization: Bearer " + body.token(),
                                    "Content-Type: " + body.contentType(), "Idempotency-Key: " + UUID.randomUUID(),
                                    "Accept: application/json");
                            long begin = System.nanoTime();
                            try {
                                RawHttp.Response response = http.exchange(head, bytes, true);
                                String text = response.text();
                                if (response.status() != 201) {
                                    errors.incrementAndGet();
                                    firstError.compareAndSet(null, response.status() + " " + text);
                                } else {
                                    int q = text.indexOf("\"code\":\"");
                                    codes.add(text.substring(q + 8, text.indexOf('"', q + 8)));
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, e.toString());
                            }
                            long now = System.nanoTime();
                            lastEnd.accumulateAndGet(now, Math::max);
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = now - begin;
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            pool.shutdown();
            double elapsed = (Math.max(lastEnd.get(), start + 1) - start) / 1e9;
            return Result.of(parts, errors.get(), elapsed);
        }
    }

    /** The same rows with plain JDBC. */
    static final class Jdbc {
        private final String url;
        private final PdfPool pdfs;
        volatile boolean counterOwnTransaction;
        private final Nonces nonces = new Nonces();
        private final AtomicLong sequence = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
        private Map<String, Object> dossier;
        private Map<String, Object> step;

        Jdbc(String url, PdfPool pdfs) {
            this.url = url;
            this.pdfs = pdfs;
        }

        Connection connect() throws Exception {
            return DriverManager.getConnection(url, "postgres", "");
        }

        /** The values of a dossier the HTTP run wrote, to insert rows of the same sizes. */
        void sample() throws Exception {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                dossier = row(s, "select * from dossier where channel = 'OWN_PORTAL' and procedure_code = '" + PROCEDURE
                        + "' and code not like '" + JDBC_MARK + "%' order by created_at desc limit 1");
                step = row(s, "select * from dossier_step where dossier_id = '" + dossier.get("id") + "' order by seq limit 1");
                Map<String, Object> check = row(s, """
                        select (select count(*) from dossier where channel = 'OWN_PORTAL') as dossiers,
                               (select count(*) from dossier_document) as documents,
                               (select count(distinct sha256) from dossier_document) as files,
                               (select count(*) from attachment_reference where dossier_code is not null) as refs,
                               (select count(*) from dossier_step) as steps,
                               (select count(*) from event_publication where completion_date is null) as open_events""");
                System.out.println("check of the HTTP run's rows: " + check);
            }
        }

        private static Map<String, Object> row(Statement s, String sql) throws Exception {
            try (ResultSet rs = s.executeQuery(sql)) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for " + sql + ": did the HTTP run write any dossier?");
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return row;
            }
        }

        /**
         * All connections are opened before and closed after the measured time, when {@code atEdges} (if any) runs:
         * PostgreSQL's CPU is read while its backends still exist.
         */
        Result run(int connections, int seconds, Runnable atEdges) throws Exception {
            CyclicBarrier ready = new CyclicBarrier(connections, atEdges == null ? () -> { } : atEdges);
            CyclicBarrier done = new CyclicBarrier(connections, atEdges == null ? () -> { } : atEdges);
            long[] times = new long[2];
            AtomicLong errors = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 12];
                    int n = 0;
                    try (Connection connection = connect()) {
                        Statements statements = new Statements(connection);
                        ready.await();
                        synchronized (times) {
                            if (times[0] == 0) {
                                times[0] = System.nanoTime();
                            }
                        }
                        long end = times[0] + Duration.ofSeconds(seconds).toNanos();
                        while (System.nanoTime() < end) {
                            long begin = System.nanoTime();
                            try {
                                insertOne(connection, statements);
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, e.toString());
                                connection.rollback();
                            }
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = System.nanoTime() - begin;
                        }
                        synchronized (times) {
                            times[1] = Math.max(times[1], System.nanoTime());
                        }
                        done.await();
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            pool.shutdown();
            return Result.of(parts, errors.get(), (times[1] - times[0]) / 1e9);
        }

        final class Statements {
            final PreparedStatement counter;
            final PreparedStatement dossierInsert;
            final PreparedStatement content;
            final PreparedStatement reference;
            final PreparedStatement document;
            final PreparedStatement stepInsert;
            final PreparedStatement event;

            Statements(Connection c) throws Exception {
                c.setAutoCommit(false);
                counter = c.prepareStatement("""
                        insert into dossier_code_counter as c (agency_code, day, last) values (?, ?, 1)
                        on conflict (agency_code, day) do update set last = c.last + 1, updated_at = now() where c.last < ?
                        returning last""");
                dossierInsert = c.prepareStatement("""
                        insert into dossier (id, code, status, channel, procedure_code, procedure_name, receiving_agency, form_version,
                            form_sealed, applicant_account, applicant_name, applicant_id_sealed, applicant_id_lookup, applicant_phone_sealed,
                            applicant_email, applicant_address_sealed, business_tax_code, business_name, result_delivery, delivery_address_sealed,
                            external_reference, idempotency_key, request_hash, processing_time_value, processing_time_unit, submitted_at,
                            reception_due_at, demonstration)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                // the platform's default store keeps the bytes in files and the row in PostgreSQL (location 'fs');
                // -Dbench.jdbc.content=db inserts the bytes as bytea, as the 'database' store does
                content = c.prepareStatement("""
                        INSERT INTO attachment_content (sha256, kind, media_type, size, pages, content, first_stored_at, location)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING""");
                reference = c.prepareStatement("""
                        INSERT INTO attachment_reference (sha256, channel, dossier_code, file_name, stored_by, stored_at)
                        VALUES (?, ?, ?, ?, ?, ?)""");
                document = c.prepareStatement("""
                        insert into dossier_document (dossier_id, position, required_document, file_name, sha256, media_type, size_bytes,
                            pages, source, personal_document, supplement_round, added_at, added_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                stepInsert = c.prepareStatement("""
                        insert into dossier_step (dossier_id, seq, at, action, status, actor, actor_kind, note, details)
                        values (?, (select coalesce(max(seq), 0) + 1 from dossier_step where dossier_id = ?), ?, ?, ?, ?, ?, ?, cast(? as jsonb))""");
                event = c.prepareStatement("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
                        values (?, ?, ?, ?, ?, 'PUBLISHED', 0)""");
            }
        }

        private void insertOne(Connection c, Statements s) throws Exception {
            Instant now = Instant.now();
            Timestamp at = Timestamp.from(now);
            LocalDate day = now.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
            s.counter.setString(1, JDBC_MARK);
            s.counter.setObject(2, day);
            s.counter.setInt(3, Integer.MAX_VALUE);
            int number;
            try (ResultSet rs = s.counter.executeQuery()) {
                rs.next();
                number = rs.getInt(1);
            }
            if (counterOwnTransaction) {
                c.commit();
            }
            UUID id = UUID.randomUUID();
            String code = JDBC_MARK + number;
            String account = String.valueOf(dossier.get("applicant_account"));
            PreparedStatement d = s.dossierInsert;
            d.setObject(1, id);
            d.setString(2, code);
            d.setString(3, "SUBMITTED");
            d.setString(4, "OWN_PORTAL");
            d.setObject(5, dossier.get("procedure_code"));
            d.setObject(6, dossier.get("procedure_name"));
            d.setObject(7, dossier.get("receiving_agency"));
            d.setObject(8, dossier.get("form_version"));
            d.setObject(9, dossier.get("form_sealed"));
            d.setObject(10, dossier.get("applicant_account"));
            d.setObject(11, dossier.get("applicant_name"));
            d.setObject(12, dossier.get("applicant_id_sealed"));
            d.setObject(13, dossier.get("applicant_id_lookup"));
            d.setObject(14, dossier.get("applicant_phone_sealed"));
            d.setObject(15, dossier.get("applicant_email"));
            d.setObject(16, dossier.get("applicant_address_sealed"));
            d.setObject(17, null, java.sql.Types.VARCHAR);
            d.setObject(18, null, java.sql.Types.VARCHAR);
            d.setObject(19, dossier.get("result_delivery"));
            d.setObject(20, null, java.sql.Types.VARCHAR);
            d.setObject(21, null, java.sql.Types.VARCHAR);
            d.setString(22, JDBC_MARK + UUID.randomUUID());
            d.setString(23, HexFormat.of().formatHex(CitizenTokens.sha256(code.getBytes(StandardCharsets.UTF_8))));
            d.setObject(24, dossier.get("processing_time_value"));
            d.setObject(25, dossier.get("processing_time_unit"));
            d.setTimestamp(26, at);
            d.setTimestamp(27, Timestamp.from(now.plus(Duration.ofHours(8))));
            d.setBoolean(28, false);
            d.executeUpdate();
            byte[][] nonce = nonces.next();
            long n = sequence.incrementAndGet();
            for (int f = 0; f < 2; f++) {
                PdfPool.Template template = pdfs.get((int) (2 * n + f));
                byte[] pdf = PdfPool.patchedPdf(template, nonce[f]);
                String sha = HexFormat.of().formatHex(CitizenTokens.sha256(pdf));
                String fileName = f == 0 ? "cccd.pdf" : "giay-to-khac.pdf";
                s.content.setString(1, sha);
                s.content.setString(2, "PDF");
                s.content.setString(3, "application/pdf");
                s.content.setLong(4, pdf.length);
                s.content.setInt(5, 1);
                boolean inDatabase = "db".equals(System.getProperty("bench.jdbc.content", "fs"));
                s.content.setBytes(6, inDatabase ? pdf : null);
                s.content.setTimestamp(7, at);
                s.content.setString(8, inDatabase ? "db" : "fs");
                s.content.executeUpdate();
                s.reference.setString(1, sha);
                s.reference.setString(2, "ONLINE");
                s.reference.setString(3, code);
                s.reference.setString(4, fileName);
                s.reference.setString(5, account);
                s.reference.setTimestamp(6, at);
                s.reference.executeUpdate();
                s.document.setObject(1, id);
                s.document.setInt(2, f + 1);
                s.document.setString(3, f == 0 ? ID_CARD : null);
                s.document.setString(4, fileName);
                s.document.setString(5, sha);
                s.document.setString(6, "application/pdf");
                s.document.setLong(7, pdf.length);
                s.document.setInt(8, 1);
                s.document.setString(9, "ONLINE");
                s.document.setObject(10, null, java.sql.Types.OTHER);
                s.document.setInt(11, 0);
                s.document.setTimestamp(12, at);
                s.document.setString(13, account);
                s.document.executeUpdate();
            }
            s.stepInsert.setObject(1, id);
            s.stepInsert.setObject(2, id);
            s.stepInsert.setTimestamp(3, at);
            s.stepInsert.setObject(4, step.get("action"));
            s.stepInsert.setObject(5, step.get("status"));
            s.stepInsert.setObject(6, step.get("actor"));
            s.stepInsert.setObject(7, step.get("actor_kind"));
            s.stepInsert.setObject(8, step.get("note"));
            s.stepInsert.setObject(9, null, java.sql.Types.VARCHAR);
            s.stepInsert.executeUpdate();
            s.event.setObject(1, UUID.randomUUID());
            s.event.setString(2, JDBC_MARK + "listener");
            s.event.setString(3, "vn.gov.egov.dossier.DossierStatusChanged");
            s.event.setString(4, eventJson(id, code, now));
            s.event.setTimestamp(5, at);
            s.event.executeUpdate();
            c.commit();
        }

        private String eventJson(UUID id, String code, Instant at) {
            return "{\"dossierId\":\"" + id + "\",\"code\":\"" + code + "\",\"procedureCode\":\"" + dossier.get("procedure_code")
                    + "\",\"procedureName\":\"" + dossier.get("procedure_name") + "\",\"receivingAgency\":\""
                    + dossier.get("receiving_agency") + "\",\"channel\":\"OWN_PORTAL\",\"status\":\"SUBMITTED\",\"previous\":null,"
                    + "\"action\":\"SUBMITTED\",\"at\":\"" + at + "\",\"appointment\":null,\"externalReference\":null,"
                    + "\"applicantAccount\":\"" + dossier.get("applicant_account") + "\",\"note\":null}";
        }

        /**
         * Leaves the database as the status look-up (run next) would find it in service: the tables the baseline's rows
         * were deleted from vacuumed and analysed (not left to autovacuum during the look-ups), and the platform's
         * backlog of the runs' e-mails, SMS and national-portal reports sent (waited for, at most 5 minutes, and printed).
         */
        void settle() throws Exception {
            long started = System.nanoTime();
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("vacuum (analyze) dossier, dossier_document, dossier_step, attachment_reference, attachment_content, "
                        + "event_publication, dossier_code_counter");
                System.out.printf("vacuumed the baseline's tables in %.1f s%n", (System.nanoTime() - started) / 1e9);
                long waitFrom = System.nanoTime();
                long first = -1;
                while (true) {
                    long pending;
                    try (ResultSet rs = s.executeQuery("select (select count(*) from notification where status = 'PENDING')"
                            + " + (select count(*) from portal_status_report where state = 'PENDING')")) {
                        rs.next();
                        pending = rs.getLong(1);
                    }
                    if (first < 0) {
                        first = pending;
                    }
                    double waited = (System.nanoTime() - waitFrom) / 1e9;
                    if (pending == 0 || waited > 300) {
                        System.out.printf("backlog of the runs (messages and national-portal reports): %d waiting, %d left after %.1f s%n",
                                first, pending, waited);
                        return;
                    }
                    Thread.sleep(500);
                }
            }
        }

        /** Deletes every row the baseline wrote; returns the number of dossiers removed. */
        int clean() throws Exception {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                String mine = "(select id from dossier where code like '" + JDBC_MARK + "%')";
                s.executeUpdate("delete from dossier_document where dossier_id in " + mine);
                s.executeUpdate("delete from dossier_step where dossier_id in " + mine);
                int removed = s.executeUpdate("delete from dossier where code like '" + JDBC_MARK + "%'");
                s.executeUpdate("create temp table bench_sha on commit drop as select distinct sha256 from attachment_reference "
                        + "where dossier_code like '" + JDBC_MARK + "%'");
                s.executeUpdate("delete from attachment_reference where dossier_code like '" + JDBC_MARK + "%'");
                s.executeUpdate("delete from attachment_content c where c.sha256 in (select sha256 from bench_sha) "
                        + "and not exists (select 1 from attachment_reference r where r.sha256 = c.sha256) "
                        + "and not exists (select 1 from personal_document p where p.sha256 = c.sha256)");
                s.executeUpdate("delete from event_publication where listener_id = '" + JDBC_MARK + "listener'");
                s.executeUpdate("delete from dossier_code_counter where agency_code = '" + JDBC_MARK + "'");
                c.commit();
                return removed;
            }
        }
    }
}
