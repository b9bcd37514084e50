package vn.gov.egov.businessregistry;

import vn.gov.egov.DirectConnections;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small local HTTP server answering with the national business registry's contract (200 with the enterprise, 404
 * problem+json for an unknown tax code, 400 for a malformed one), for tests in other modules.
 */
public final class BusinessRegistryServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> enterprises = new ConcurrentHashMap<>();

    public BusinessRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/business-registry/api/enterprises/", exchange -> {
            String code = exchange.getRequestURI().getPath().substring("/business-registry/api/enterprises/".length());
            String known = enterprises.get(code);
            int status = known != null ? 200 : code.matches("\\d{10}(-\\d{3})?") ? 404 : 400;
            String body = known != null ? known : "{\"title\": \"" + (status == 404 ? "Không tìm thấy doanh nghiệp" : "Mã số thuế không hợp lệ")
                    + "\", \"status\": " + status + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Serves this enterprise record (JSON as the registry sends it) under its tax code. */
    public BusinessRegistryServer with(String taxCode, String enterpriseJson) {
        enterprises.put(taxCode, enterpriseJson);
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/business-registry";
    }

    /** The platform's adapter pointed at this server. */
    public BusinessRegistry client() {
        return new NationalBusinessRegistry(DirectConnections.to(baseUrl()), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
