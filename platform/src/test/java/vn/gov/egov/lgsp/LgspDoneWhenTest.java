package vn.gov.egov.lgsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.lgsp.messagelog.LogRecord;
import vn.gov.egov.lgsp.messagelog.LogSearch;
import vn.gov.egov.lgsp.messagelog.MessageLogQueries;
import vn.gov.egov.lgsp.registry.AccessRequest;
import vn.gov.egov.lgsp.registry.MemberKind;
import vn.gov.egov.lgsp.registry.NationalServices;
import vn.gov.egov.lgsp.registry.RegisteredService;
import vn.gov.egov.lgsp.registry.RegistrySubsystem;
import vn.gov.egov.lgsp.registry.ServiceCatalogAdministration;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;
import vn.gov.egov.population.PopulationDatabase;
import vn.gov.egov.population.Resident;

/**
 * Issue 6, "done when": an agency system registered as a consumer calls the population-database service through the
 * gateway with a client-credentials token from the province's SSO and gets the simulated citizen; without access it
 * gets a clear refusal; both calls are in the message log and on the monitoring page; and the platform's own adapter
 * reaches the national population database through the LGSP too. (Exactly-once delivery across a restart and the
 * two pub/sub backends: {@code PostgresPubSubContractTest} and {@code KafkaPubSubContractTest}.)
 */
class LgspDoneWhenTest extends PlatformTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A resident of the simulated national population database. */
    private static final String CITIZEN = "020192999002";
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    @Autowired
    private ServiceCatalogAdministration registry;
    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private MessageLogQueries messageLog;
    @Autowired
    private PopulationDatabase population;

    @Test
    void anAgencySystemReadsACitizenThroughTheGatewayAndIsRefusedWithoutARight() throws Exception {
        // the Department of Justice's judicial-records system, and a second system of the same department
        if (registry.member("SO-TP").isEmpty()) {
            registry.registerMember("SO-TP", "Sở Tư pháp", MemberKind.PROVINCIAL_AGENCY, "SO-TP");
        }
        String withRight = "ly-lich-tu-phap-" + RUN.toLowerCase();
        String without = "van-phong-so-" + RUN.toLowerCase();
        saveClient(withRight);
        saveClient(without);
        RegistrySubsystem judicialRecords = registry.registerSubsystem("SO-TP", "LLTP-" + RUN, "Phần mềm lý lịch tư pháp", withRight);
        registry.registerSubsystem("SO-TP", "VP-" + RUN, "Phần mềm văn phòng", without);

        // the system asks for the population service; the operator decides for the national provider
        RegisteredService populationService = registry.service(NationalServices.POPULATION).orElseThrow();
        AccessRequest request = registry.requestAccess(judicialRecords.id(), populationService.id(),
                List.of("GET /api/citizens/*"), "Xác minh nhân thân người yêu cầu cấp phiếu lý lịch tư pháp");
        registry.approve(request.id(), "Đúng chức năng, nhiệm vụ");

        String path = "/lgsp/r1/" + NationalServices.POPULATION.path() + "/api/citizens/" + CITIZEN;
        HttpResponse<String> answer = call(path, tokenOf(withRight));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode resident = JSON.readTree(answer.body());
        assertThat(resident.path("personalId").asString()).isEqualTo(CITIZEN);
        assertThat(resident.path("fullName").asString()).isNotBlank();
        String granted = answer.headers().firstValue("X-Lgsp-Request-Id").orElseThrow();
        assertThat(answer.headers().firstValue("X-Lgsp-Response-Hash")).isPresent();

        HttpResponse<String> refused = call(path, tokenOf(without));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-Lgsp-Error")).hasValue("gateway.access_denied");
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errorClass").asString()).isEqualTo("gateway.access_denied");
        assertThat(problem.path("detail").asString()).isNotBlank();
        String denied = refused.headers().firstValue("X-Lgsp-Request-Id").orElseThrow();

        // both in the message log, with who called, what, and how it ended
        assertThat(messageLog.flush(Duration.ofSeconds(10))).isTrue();
        LogRecord grantedCall = messageLog.byRequestId(granted).get(0);
        assertThat(grantedCall.consumer()).isEqualTo("SO-TP/LLTP-" + RUN);
        assertThat(grantedCall.service()).isEqualTo(NationalServices.POPULATION.path());
        assertThat(grantedCall.status()).isEqualTo(200);
        assertThat(grantedCall.errorClass()).isNull();
        assertThat(grantedCall.path()).doesNotContain(CITIZEN);
        LogRecord deniedCall = messageLog.byRequestId(denied).get(0);
        assertThat(deniedCall.consumer()).isEqualTo("SO-TP/VP-" + RUN);
        assertThat(deniedCall.status()).isEqualTo(403);
        assertThat(deniedCall.errorClass()).isEqualTo("gateway.access_denied");
        assertThat(messageLog.verify(Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(60)).ok()).isTrue();

        // and on the monitoring page and API, per service and per consumer
        JsonNode consumers = JSON.readTree(asAdmin("GET", "/api/v1/lgsp/monitoring/consumers?window=15m", null, null).body());
        assertThat(consumerRow(consumers, "SO-TP/LLTP-" + RUN)).hasValueSatisfying(row -> assertThat(row.path("calls").asLong()).isEqualTo(1));
        assertThat(consumerRow(consumers, "SO-TP/VP-" + RUN)).hasValueSatisfying(row -> assertThat(row.path("gatewayErrors").asLong()).isEqualTo(1));
        Browser admin = new Browser();
        admin.logIn(ADMIN);
        HttpResponse<String> page = admin.get("/lgsp/monitoring?window=15m");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(NationalServices.POPULATION.path()).contains("SO-TP/LLTP-" + RUN).contains("SO-TP/VP-" + RUN);
    }

    @Test
    void thePlatformsOwnAdapterReachesThePopulationDatabaseThroughTheGateway() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Optional<Resident> resident = population.find(PersonalIdentificationNumber.of(CITIZEN), "H20");
        assertThat(resident).isPresent();
        assertThat(messageLog.flush(Duration.ofSeconds(10))).isTrue();
        List<LogRecord> calls = messageLog.search(new LogSearch(null, "SO-KHCN/NEN-TANG", NationalServices.POPULATION.path(),
                null, before, null, 200, null), 0, 50).records();
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(0).clientId()).isEqualTo("lgsp-platform");
    }

    private static Optional<JsonNode> consumerRow(JsonNode rows, String consumer) {
        for (JsonNode row : rows) {
            if (consumer.equals(row.path("consumer").asString())) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> call(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("X-Requesting-Agency", "SO-TP").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String tokenOf(String clientId) throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(clientId, secret(clientId))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return accessTokenIn(token.body());
    }

    private static String secret(String clientId) {
        return "done-when-" + clientId;
    }

    private void saveClient(String clientId) {
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}" + secret(clientId))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build()).build());
    }
}
