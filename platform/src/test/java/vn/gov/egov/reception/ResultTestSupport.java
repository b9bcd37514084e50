package vn.gov.egov.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.dossier.DossierOutcome;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.DossierTestSupport;
import vn.gov.egov.dossier.ResultDelivery;

/**
 * For tests of the return of results: a dossier of 1.000001 submitted online by the first VNeID test identity with
 * the way of return asked for, received at the desk of SO-TP, processed and resolved.
 */
public abstract class ResultTestSupport extends DossierTestSupport {

    public static final DossierProgress.Actor SPECIALIST = new DossierProgress.Actor("cv-ket-qua", "Hoàng Văn Chuyên");
    public static final String ADDRESS = "Số 12 đường Lê Lợi, Phường Đông Kinh, tỉnh Lạng Sơn";

    private static volatile String citizenToken;
    /** Access tokens live 10 minutes and the suite runs longer: a fresh one after 5. */
    private static volatile long citizenTokenAt;

    @Autowired
    protected DossierProgress progress;

    @Autowired
    protected DossierReception reception;

    protected String citizenToken() throws Exception {
        if (citizenToken == null || System.nanoTime() - citizenTokenAt > java.util.concurrent.TimeUnit.MINUTES.toNanos(5)) {
            citizenToken = citizenToken(CITIZEN);
            citizenTokenAt = System.nanoTime();
        }
        return citizenToken;
    }

    /** Submitted online with this way of return and received; returns the dossier's id. */
    protected UUID received(String marker, ResultDelivery how, String address) throws Exception {
        Map<String, Object> form = citizenForm("Bổ sung hồ sơ xin việc");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("requiredDocument", "Căn cước công dân hoặc hộ chiếu");
        document.put("fileName", "cccd.pdf");
        document.put("mediaType", "application/pdf");
        document.put("content", Base64.getEncoder().encodeToString(pdf("CCCD " + marker, 3000)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("form", form);
        body.put("documents", List.of(document));
        body.put("resultDelivery", how.name());
        if (address != null) {
            body.put("deliveryAddress", address);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers"))
                .header("Authorization", "Bearer " + citizenToken()).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String code = json.readTree(response.body()).get("code").asString();
        reception.accept(DESK, code);
        return progress.detail(code).orElseThrow().summary().id();
    }

    /** Received, processed and resolved (approved, with a result id). */
    protected UUID resolved(String marker, ResultDelivery how, String address) throws Exception {
        UUID id = received(marker, how, address);
        progress.startProcessing(id, SPECIALIST);
        progress.resolve(id, SPECIALIST, DossierOutcome.APPROVED, UUID.randomUUID(), "Cấp Phiếu lý lịch tư pháp số 1");
        return id;
    }

    protected String codeOf(UUID id) {
        return progress.detail(id).orElseThrow().summary().code();
    }

    /** The last step of the dossier's timeline. */
    protected vn.gov.egov.dossier.DossierStep lastStep(UUID id) {
        List<vn.gov.egov.dossier.DossierStep> steps = progress.detail(id).orElseThrow().steps();
        return steps.get(steps.size() - 1);
    }

    /** The citizen completes a dossier awaiting supplements with one more PDF. */
    protected void completeOnline(String code, String marker) throws Exception {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("requiredDocument", null);
        document.put("fileName", "bo-sung.pdf");
        document.put("mediaType", "application/pdf");
        document.put("content", Base64.getEncoder().encodeToString(pdf("Bo sung " + marker, 2500)));
        HttpResponse<String> completed = http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers/" + code + "/supplement"))
                .header("Authorization", "Bearer " + citizenToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("documents", List.of(document))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }
}
