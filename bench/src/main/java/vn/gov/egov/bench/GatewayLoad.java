package vn.gov.egov.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The LGSP gateway's pass-through against the same upstream called directly and through nginx, in the same run:
 * registers (in the platform's database) an SSO client, a consumer system with a right and a service whose endpoint
 * is the upstream, takes a client-credentials token, then drives a closed loop of C keep-alive connections (raw
 * HTTP/1.1 over sockets: the cheapest driver, so that the two shared cores go to what is measured) for D seconds
 * at each target after a warm-up. Prints req/s and p50/p90/p99 of each, the gateway's median added latency over the
 * direct call and the two throughput ratios, and the platform's CPU per call ({@code -Dbench.platformPid}); then the
 * same three at low concurrency ({@code -Dbench.latencyConnections}, 4; 0 skips), where latency is the work per call
 * rather than queueing for the two cores.
 *
 * <pre>GatewayLoad http://127.0.0.1:18080 15432 http://127.0.0.1:18181/data http://127.0.0.1:18182/data 32 20</pre>
 */
public final class GatewayLoad {

    public static void main(String[] args) throws Exception {
        URI platform = URI.create(args[0]);
        int pgPort = Integer.parseInt(args[1]);
        URI upstream = URI.create(args[2]);
        URI nginx = URI.create(args[3]);
        int connections = Integer.parseInt(args[4]);
        int seconds = Math.min(Integer.parseInt(args[5]), 300);
        for (URI uri : List.of(platform, upstream, nginx)) {
            if (!List.of("localhost", "127.0.0.1").contains(uri.getHost())) {
                throw new IllegalArgumentException("Load is only sent to this machine, not to " + uri.getHost());
            }
        }
        String clientId = "bench-gateway-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        String upstreamBase = upstream.getScheme() + "://" + upstream.getRawAuthority();
        register(pgPort, clientId, secret, upstreamBase);
        String token = token(platform, clientId, secret);
        String gatewayPath = "/lgsp/r1/BENCH/UPSTREAM/du-lieu/v1" + upstream.getRawPath();
        URI gateway = platform.resolve(gatewayPath);
        String auth = "Authorization: Bearer " + token;

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Result probe;
        do {
            Thread.sleep(300);
            probe = run(gateway, auth, 1, 1);
        } while (probe.errors > 0 && System.nanoTime() < deadline);
        if (probe.errors > 0) {
            throw new IllegalStateException("the gateway does not pass calls: " + probe.firstError);
        }
        System.out.printf("warm-up (gateway 15 s, nginx and direct 5 s each), then %d s per target, %d connections%n", seconds, connections);
        run(gateway, auth, connections, 15);
        run(nginx, "", connections, 5);
        run(upstream, "", connections, 5);

        ProcessCpu cpu = new ProcessCpu();
        Result direct = run(upstream, "", connections, seconds);
        print("direct upstream", direct, seconds);
        Result proxied = run(nginx, "", connections, seconds);
        print("nginx proxy", proxied, seconds);
        ProcessCpu.Snapshot before = cpu.snapshot();
        Result passed = run(gateway, auth, connections, seconds);
        ProcessCpu.Snapshot after = cpu.snapshot();
        print("LGSP gateway", passed, seconds);
        System.out.println("gateway " + cpu.perOperation(before, after, passed.count, "call"));
        System.out.printf("gateway median added latency vs direct: %.2f ms (nginx: %.2f ms); throughput ratio gateway/direct %.2f, gateway/nginx %.2f%n",
                passed.percentile(50) - direct.percentile(50), proxied.percentile(50) - direct.percentile(50),
                passed.count / (double) direct.count, passed.count / (double) proxied.count);
        int few = Integer.getInteger("bench.latencyConnections", 4);
        if (few > 0) {
            System.out.printf("latency at low concurrency: %d connections, %d s per target%n", few, seconds);
            Result directFew = run(upstream, "", few, seconds);
            print("direct upstream", directFew, seconds);
            Result nginxFew = run(nginx, "", few, seconds);
            print("nginx proxy", nginxFew, seconds);
            Result gatewayFew = run(gateway, auth, few, seconds);
            print("LGSP gateway", gatewayFew, seconds);
            System.out.printf("gateway median added latency vs direct at %d connections: %.2f ms (nginx: %.2f ms)%n", few,
                    gatewayFew.percentile(50) - directFew.percentile(50), nginxFew.percentile(50) - directFew.percentile(50));
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
            Thread.sleep(2000);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM lgsp_log_record WHERE client_id = '" + clientId + "'")) {
                rs.next();
                System.out.printf("message log: %d calls of this client recorded (%d sent through the gateway incl. warm-up)%n",
                        rs.getLong(1), passed.count);
            } catch (java.sql.SQLException e) {
                System.out.println("message log count not read: " + e.getMessage());
            }
        }
    }

    private static void print(String what, Result r, int seconds) {
        System.out.printf("%-16s requests=%d errors=%d throughput=%.0f req/s p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n",
                what, r.count, r.errors, r.count / (double) seconds, r.percentile(50), r.percentile(90), r.percentile(99), r.percentile(100));
        if (r.firstError != null) {
            System.out.println("  first error: " + r.firstError);
        }
    }

    /** The consumer, service and right rows as the registry keeps them, and the SSO client; the registry reloads within 1 s. */
    private static void register(int pgPort, String clientId, String secret, String upstreamBase) throws Exception {
        String url = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            new JdbcRegisteredClientRepository(new JdbcTemplate(new SingleConnectionDataSource(c, true))).save(
                    RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}" + secret)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("lgsp.call").build());
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now();
            UUID provider = memberId(c, "BENCH", now);
            UUID upstreamSystem = subsystem(c, provider, "UPSTREAM", null, now);
            UUID consumer = subsystem(c, provider, "LOAD-" + clientId.substring(14), clientId, now);
            UUID service;
            try (PreparedStatement find = c.prepareStatement("SELECT id FROM lgsp_registry_service WHERE subsystem_id = ? AND code = 'du-lieu'")) {
                find.setObject(1, upstreamSystem);
                ResultSet rs = find.executeQuery();
                service = rs.next() ? rs.getObject(1, UUID.class) : null;
            }
            if (service == null) {
                service = UUID.randomUUID();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO lgsp_registry_service (id, subsystem_id, code, version,"
                        + " protocol, name, security_level, endpoint, state, log_bodies, timeout_millis, rate_per_second, burst,"
                        + " max_request_bytes, created_by, created_at, updated_at) VALUES (?, ?, 'du-lieu', 'v1', 'REST',"
                        + " 'Bench upstream (1 KB JSON)', 'INTERNAL', ?, 'PUBLISHED', false, 5000, 100000, 1000000, 1048576, 'bench', ?, ?)")) {
                    insert.setObject(1, service);
                    insert.setObject(2, upstreamSystem);
                    insert.setString(3, upstreamBase);
                    insert.setObject(4, now);
                    insert.setObject(5, now);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement right = c.prepareStatement("INSERT INTO lgsp_registry_access_right (id, consumer_id, service_id,"
                    + " operation, granted_by, granted_at) VALUES (?, ?, ?, '*', 'bench', ?)")) {
                right.setObject(1, UUID.randomUUID());
                right.setObject(2, consumer);
                right.setObject(3, service);
                right.setObject(4, now);
                right.executeUpdate();
            }
            c.createStatement().executeUpdate("UPDATE lgsp_registry_generation SET value = value + 1 WHERE id = 1");
            c.commit();
        }
    }

    private static UUID memberId(Connection c, String code, OffsetDateTime now) throws Exception {
        try (PreparedStatement find = c.prepareStatement("SELECT id FROM lgsp_registry_member WHERE code = ?")) {
            find.setString(1, code);
            ResultSet rs = find.executeQuery();
            if (rs.next()) {
                return rs.getObject(1, UUID.class);
            }
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO lgsp_registry_member (id, code, name, kind, created_by, created_at)"
                + " VALUES (?, ?, 'Bench', 'OTHER', 'bench', ?)")) {
            insert.setObject(1, id);
            insert.setString(2, code);
            insert.setObject(3, now);
            insert.executeUpdate();
        }
        return id;
    }

    private static UUID subsystem(Connection c, UUID member, String code, String clientId, OffsetDateTime now) throws Exception {
        try (PreparedStatement find = c.prepareStatement("SELECT id FROM lgsp_registry_subsystem WHERE member_id = ? AND code = ?")) {
            find.setObject(1, member);
            find.setString(2, code);
            ResultSet rs = find.executeQuery();
            if (rs.next()) {
                return rs.getObject(1, UUID.class);
            }
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO lgsp_registry_subsystem (id, member_id, code, name, client_id,"
                + " created_by, created_at) VALUES (?, ?, ?, 'Bench', ?, 'bench', ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, member);
            insert.setString(3, code);
            insert.setString(4, clientId);
            insert.setObject(5, now);
            insert.executeUpdate();
        }
        return id;
    }

    private static String token(URI platform, String clientId, String secret) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher value = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !value.find()) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return value.group(1);
    }

    record Result(long count, long errors, long[] latenciesNanos, String firstError) {
        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1_000_000.0;
        }
    }

    /** C keep-alive connections, each sending GET requests back to back for the given time. */
    static Result run(URI target, String extraHeaders, int connections, int seconds) throws Exception {
        byte[] request = RawHttp.head("GET", target, -1, extraHeaders.isEmpty() ? new String[] {"Accept: application/json"}
                : new String[] {"Accept: application/json", extraHeaders});
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                try (RawHttp http = new RawHttp(target)) {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        String error = null;
                        try {
                            int status = http.exchange(request, null, false).status();
                            if (status != 200) {
                                error = "status " + status;
                            }
                        } catch (IOException e) {
                            error = e.toString(); // the next call reconnects
                        }
                        if (error != null) {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError[0] == null) {
                                    firstError[0] = error;
                                }
                            }
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - start;
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
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, errors.get(), all, firstError[0]);
    }
}
