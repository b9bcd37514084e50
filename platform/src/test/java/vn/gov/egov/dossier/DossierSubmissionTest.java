package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.egov.dossier.DossierFixtures.ID_CARD;
import static vn.gov.egov.dossier.DossierFixtures.document;

import static vn.gov.egov.dossier.DossierFixtures.submission;
import static vn.gov.egov.dossier.DossierFixtures.validSubmission;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Online submission through the API: the contract, idempotency under concurrency, and every kind of bad input. */
class DossierSubmissionTest extends DossierTestSupport {

    @Autowired
    JdbcClient jdbc;

    private String token;

    @BeforeEach
    void citizen() throws Exception {
        if (token == null) {
            token = citizenToken(CITIZEN);
        }
    }

    HttpResponse<String> submit(String key, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/dossiers")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCitizenSubmitsOnlineAndGetsACodeTheyCanLookUpPublicly() throws Exception {
        HttpResponse<String> response = submit(UUID.randomUUID().toString(), validSubmission("online-1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        String code = body.get("code").asString();
        assertThat(code).matches("000\\.00\\.10\\.H20-\\d{6}-\\d{4}");
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/my/dossiers/" + code);
        assertThat(body.get("status").asString()).isEqualTo("SUBMITTED");

        HttpResponse<String> status = get("/api/v1/dossiers/" + code + "/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"SUBMITTED\"").contains("Sở Tư pháp").contains(code)
                .doesNotContain(CITIZEN).doesNotContain("Nguyễn Văn An").doesNotContain("0912999001");

        HttpResponse<String> mine = http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers/" + code))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mine.statusCode()).isEqualTo(200);
        JsonNode detail = json.readTree(mine.body());
        assertThat(detail.get("documents")).hasSize(1);
        assertThat(detail.get("documents").get(0).get("requiredDocument").asString()).isEqualTo(ID_CARD);
        assertThat(detail.get("steps").get(0).get("action").asString()).isEqualTo("SUBMITTED");
        assertThat(detail.get("maskedPersonalId").asString()).isEqualTo("020******001");
        assertThat(detail.get("form").get("hoTen").asString()).isEqualTo("Nguyễn Văn An");

        String sealed = jdbc.sql("select form_sealed || applicant_id_sealed || coalesce(applicant_phone_sealed, '') from dossier where code = ?")
                .param(code).query(String.class).single();
        assertThat(sealed).as("personal data sealed at rest").doesNotContain(CITIZEN).doesNotContain("Nguyễn Văn An").startsWith("pd1:");

        HttpResponse<String> list = http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.body()).contains(code);
    }

    @Test
    void filesMayComeAsPartsOfAMultipartRequest() throws Exception {
        Map<String, Object> submission = DossierFixtures.submission(DossierFixtures.form(), List.of(
                Map.of("requiredDocument", ID_CARD, "file", "cccd"),
                Map.of("fileName", "giay-to-khac.pdf", "file", "khac")));
        byte[] idCard = pdf("multipart CCCD " + UUID.randomUUID(), 200_000);
        byte[] other = pdf("multipart other " + UUID.randomUUID(), 200_000);
        String boundary = "----egov" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        part(body, boundary, "submission", null, "application/json", json.writeValueAsBytes(submission));
        part(body, boundary, "cccd", "cccd.pdf", "application/pdf", idCard);
        part(body, boundary, "khac", "khac.pdf", "application/pdf", other);
        body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String code = json.readTree(response.body()).get("code").asString();
        JsonNode documents = json.readTree(http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers/" + code))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body()).get("documents");
        assertThat(documents).hasSize(2);
        assertThat(documents.get(1).get("fileName").asString()).isEqualTo("giay-to-khac.pdf");

        Map<String, Object> missingPart = DossierFixtures.submission(DossierFixtures.form(), List.of(Map.of("requiredDocument", ID_CARD, "file", "khong-co")));
        java.io.ByteArrayOutputStream bad = new java.io.ByteArrayOutputStream();
        part(bad, boundary, "submission", null, "application/json", json.writeValueAsBytes(missingPart));
        bad.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bad.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("documents[0].file").contains("khong-co");

        // no submission part, then a submission part that is not JSON: 400 problems, no dossier
        int before = dossiers();
        java.io.ByteArrayOutputStream noSubmission = new java.io.ByteArrayOutputStream();
        part(noSubmission, boundary, "cccd", "cccd.pdf", "application/pdf", idCard);
        noSubmission.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream notJson = new java.io.ByteArrayOutputStream();
        part(notJson, boundary, "submission", null, "application/json", "{\"procedureCode\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        notJson.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream unterminated = new java.io.ByteArrayOutputStream();
        part(unterminated, boundary, "submission", null, "application/json", json.writeValueAsBytes(submission));
        unterminated.write("--khac".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (java.io.ByteArrayOutputStream badBody : List.of(noSubmission, notJson, unterminated)) {
            HttpResponse<String> bad400 = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers"))
                    .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(badBody.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad400.statusCode()).as(bad400.body()).isEqualTo(400);
            assertThat(bad400.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(dossiers()).isEqualTo(before);
    }

    private static void part(java.io.ByteArrayOutputStream out, String boundary, String name, String fileName, String type, byte[] content)
            throws java.io.IOException {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
        out.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void twentyIdenticalRequestsAtOnceMakeOneDossier() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = validSubmission("concurrent-" + key);
        int before = dossiers();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<HttpResponse<String>> call = () -> {
                    start.await();
                    return submit(key, body);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            Set<String> codes = new HashSet<>();
            int replayed = 0;
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                codes.add(json.readTree(response.body()).get("code").asString());
                replayed += response.headers().firstValue("Idempotent-Replayed").orElse("").equals("true") ? 1 : 0;
            }
            assertThat(codes).hasSize(1);
            assertThat(replayed).isEqualTo(19);
        } finally {
            pool.shutdownNow();
        }
        assertThat(dossiers() - before).isEqualTo(1);
    }

    /**
     * More submissions at once than the pool has connections (20): each takes its code before its transaction, so none
     * holds a connection while waiting for another (when the code was taken inside, such a burst made every request wait
     * for another's connection until the pool timed them all out after 30 s).
     */
    @Test
    void moreSubmissionsAtOnceThanPooledConnectionsAllGetTheirDossier() throws Exception {
        int requests = 120;
        int before = dossiers();
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                String key = UUID.randomUUID().toString();
                Map<String, Object> body = validSubmission("burst-" + key);
                results.add(pool.submit(() -> {
                    start.await();
                    return submit(key, body);
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            Set<String> codes = new HashSet<>();
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                codes.add(json.readTree(response.body()).get("code").asString());
            }
            assertThat(codes).hasSize(requests);
            // far below the pool's 30 s connection timeout that ended the exhausted pool's requests
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(25));
        } finally {
            pool.shutdownNow();
        }
        assertThat(dossiers() - before).isEqualTo(requests);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndAMissingKeyToo() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(submit(key, validSubmission("first-" + key)).statusCode()).isEqualTo(201);

        HttpResponse<String> other = submit(key, validSubmission("other-" + key));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("idempotency-key-reused").contains("Idempotency-Key");

        HttpResponse<String> noKey = submit(null, validSubmission("no-key"));
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(noKey.body()).contains("Idempotency-Key");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndLeavesNothingBehind() throws Exception {
        int dossiersBefore = dossiers();
        long filesBefore = storedFiles();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

        Map<String, Object> unknownProcedure = validSubmission("x");
        unknownProcedure.put("procedureCode", "9.999999");
        assertRefused(unknownProcedure, "procedureCode", "unknown-procedure");

        Map<String, Object> notOnline = validSubmission("x");
        notOnline.put("procedureCode", "1.000002");
        assertRefused(notOnline, "procedureCode", "not-online");

        Map<String, Object> notRepresentative = validSubmission("x");
        notRepresentative.put("businessTaxCode", "0100109106");
        assertRefused(notRepresentative, "businessTaxCode", "not-representative");

        assertRefused(submission(DossierFixtures.form(), List.of()), ID_CARD, "required-document");

        Map<String, Object> badForm = DossierFixtures.form();
        badForm.put("dienThoai", "12345");
        badForm.remove("hoTen");
        JsonNode errors = assertRefused(submission(badForm, List.of(document(ID_CARD, "cccd.pdf", "application/pdf", pdf("a", 0)))),
                "form.dienThoai", null);
        assertThat(errors.toString()).contains("form.hoTen");

        assertRefused(submission(DossierFixtures.form(), List.of(document(ID_CARD, "cccd.pdf", "application/pdf", png))), ID_CARD, "type-mismatch");

        Map<String, Object> notBase64 = document(ID_CARD, "cccd.pdf", "application/pdf", new byte[] {1});
        notBase64.put("content", "%%% không phải base64 %%%");
        assertRefused(submission(DossierFixtures.form(), List.of(notBase64)), "documents[0].content", "base64");

        Map<String, Object> byPostWithoutAddress = validSubmission("x");
        byPostWithoutAddress.put("resultDelivery", "BY_POST");
        assertRefused(byPostWithoutAddress, "deliveryAddress", "required");

        HttpResponse<String> wrongShape = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"procedureCode\":\"1.000001\",\"documents\":\"không phải danh sách\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrongShape.body()).get("field").asString()).isEqualTo("documents");
        HttpResponse<String> notJson = http.send(HttpRequest.newBuilder(uri("/api/v1/dossiers")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"procedureCode\": ")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("JSON");

        assertThat(dossiers()).as("no half-made dossier").isEqualTo(dossiersBefore);
        assertThat(storedFiles()).as("no orphan file").isEqualTo(filesBefore);
    }

    private JsonNode assertRefused(Map<String, Object> body, String field, String rule) throws Exception {
        HttpResponse<String> response = submit(UUID.randomUUID().toString(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode errors = json.readTree(response.body()).get("errors");
        boolean found = false;
        for (JsonNode error : errors) {
            if (error.get("field").asString().equals(field) && (rule == null || error.get("rule").asString().equals(rule))) {
                found = true;
                assertThat(error.get("message").asString()).isNotBlank();
            }
        }
        assertThat(found).as("%s / %s in %s", field, rule, errors).isTrue();
        return errors;
    }

    private int dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Integer.class).single();
    }

    private long storedFiles() {
        return jdbc.sql("select (select count(*) from dossier_document) + (select count(*) from attachment_content)"
                + " + (select count(*) from attachment_reference)").query(Long.class).single();
    }
}
