package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.egov.dossier.DossierFixtures.ID_CARD;
import static vn.gov.egov.dossier.DossierFixtures.validSubmission;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.identity.Citizens;

/** The one-stop desk: the queue, accept with receipt, supplements, refusal, withdrawal, and who may decide. */
class DossierReceptionTest extends DossierTestSupport {

    @Autowired
    DossierReception reception;

    @Autowired
    Dossiers dossiers;

    @Autowired
    DossierClock clock;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Citizens citizens;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static String citizenToken;

    @BeforeEach
    void desks() throws Exception {
        if (citizenToken == null) {
            citizenToken = citizenToken(CITIZEN);
        }
    }

    private String submitted(String marker) throws Exception {
        return submitOnline(citizenToken, marker);
    }


    @Test
    void theDeskAcceptsAndTheReceiptGivesTheAppointmentFromTheCalendar() throws Exception {
        String code = submitted("accept");

        HttpResponse<String> queue = as(DESK, "GET", "/api/v1/reception/queue", null, null);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(code).contains("receptionDueAt");
        assertThat(as(OTHER_DESK, "GET", "/api/v1/reception/queue", null, null).body()).as("another agency's desk").doesNotContain(code);

        HttpResponse<String> refusedElsewhere = as(OTHER_DESK, "POST", "/api/v1/reception/dossiers/" + code + "/acceptance", "application/json", "{}");
        assertThat(refusedElsewhere.statusCode()).isEqualTo(403);

        HttpResponse<String> accepted = as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/acceptance", "application/json", "{}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonNode body = json.readTree(accepted.body());
        Instant receivedAt = Instant.parse(body.get("receivedAt").asString());
        LocalDate expected = calendar.addWorkingTime(receivedAt, calendar.workingDayLength().multipliedBy(10)).toLocalDate();
        assertThat(body.get("appointmentDate").asString()).isEqualTo(expected.toString());

        HttpResponse<byte[]> receipt = http.send(HttpRequest.newBuilder(uri(body.get("receiptUrl").asString()))
                .header("Authorization", "Bearer " + accessToken(DESK)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        String text = text(receipt.body());
        assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ").contains(code).contains("UBND TỈNH LẠNG SƠN", "Lạng Sơn, ngày")
                .contains("%02d/%02d/%d".formatted(expected.getDayOfMonth(), expected.getMonthValue(), expected.getYear()))
                .contains("Lê Thị Một Cửa").doesNotContain(CITIZEN);

        assertThat(get("/api/v1/dossiers/" + code + "/status").body()).contains("\"status\":\"RECEIVED\"")
                .contains("\"appointmentDate\":\"" + expected + "\"");
        HttpResponse<String> again = as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/acceptance", "application/json", "{}");
        assertThat(again.statusCode()).as("decided once").isEqualTo(409);

        DossierDetail detail = reception.forOfficer(DESK, code).orElseThrow();
        assertThat(detail.papers()).extracting(DossierPaper::kind).contains("RECEIPT", "FORM");
        assertThat(detail.steps()).extracting(DossierStep::action).containsExactly("SUBMITTED", "RECEIVED");
    }

    @Test
    void theAppointmentSkipsTheNewYearHoliday() throws Exception {
        String code = submitted("holiday");
        // received on Tuesday 29 December 2026 at 10:00: ten working days, 1 January 2027 is a holiday
        clock.travelTo(ZonedDateTime.of(2026, 12, 29, 10, 0, 0, 0, WorkingCalendar.ZONE).toInstant());
        try {
            DossierReception.Accepted accepted = reception.accept(DESK, code);
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
            assertThat(accepted.appointmentDate()).isEqualTo(LocalDate.of(2027, 1, 13));
            byte[] pdf = reception.content(DESK, code, accepted.receiptSha256()).orElseThrow();
            assertThat(text(pdf)).contains("13/01/2027").contains("29/12/2026");
        } finally {
            clock.reset();
        }
    }

    @Test
    void sentBackForSupplementsCompletedByTheCitizenThenReceived() throws Exception {
        String code = submitted("supplement");
        HttpResponse<String> empty = as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/supplement-request", "application/json",
                "{\"missing\":[]}");
        assertThat(empty.statusCode()).isEqualTo(422);

        HttpResponse<String> sentBack = as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/supplement-request", "application/json",
                json.writeValueAsString(Map.of("missing", List.of(Map.of("what", ID_CARD, "why", "Ảnh chụp mờ, không đọc được số")))));
        assertThat(sentBack.statusCode()).as(sentBack.body()).isEqualTo(204);
        assertThat(get("/api/v1/dossiers/" + code + "/status").body()).contains("SUPPLEMENT_REQUESTED");
        assertThat(as(DESK, "GET", "/api/v1/reception/queue", null, null).body()).as("out of the queue").doesNotContain(code);

        UUID account = accountOf(code);
        DossierDetail waiting = dossiers.ofApplicant(account, code).orElseThrow();
        assertThat(waiting.missingItems()).containsExactly(new MissingItem(ID_CARD, "Ảnh chụp mờ, không đọc được số"));
        assertThat(waiting.papers()).extracting(DossierPaper::kind).contains("SUPPLEMENT_REQUEST");

        HttpResponse<String> completed = http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers/" + code + "/supplement"))
                .header("Authorization", "Bearer " + citizenToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("documents",
                        List.of(DossierFixtures.document(ID_CARD, "cccd-ro.pdf", "application/pdf", pdf("CCCD rõ nét " + code, 2500)))))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(as(DESK, "GET", "/api/v1/reception/queue", null, null).body()).as("back in the queue").contains(code);

        reception.accept(DESK, code);
        DossierDetail received = dossiers.ofApplicant(account, code).orElseThrow();
        assertThat(received.summary().status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(received.documents()).hasSize(2);
        assertThat(received.steps()).extracting(DossierStep::action)
                .containsExactly("SUBMITTED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "RECEIVED");
    }

    @Test
    void refusedWithReasonsOnly() throws Exception {
        String code = submitted("refuse");
        assertThat(as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/refusal", "application/json", "{\"reasons\":[\" \"]}")
                .statusCode()).isEqualTo(422);
        HttpResponse<String> refused = as(DESK, "POST", "/api/v1/reception/dossiers/" + code + "/refusal", "application/json",
                json.writeValueAsString(Map.of("reasons", List.of("Yêu cầu không thuộc thẩm quyền giải quyết của Sở Tư pháp"))));
        assertThat(refused.statusCode()).isEqualTo(204);
        DossierDetail detail = reception.forOfficer(DESK, code).orElseThrow();
        assertThat(detail.summary().status()).isEqualTo(DossierStatus.REFUSED);
        DossierPaper refusal = detail.papers().stream().filter(p -> p.kind().equals("REFUSAL")).findFirst().orElseThrow();
        assertThat(text(reception.content(DESK, code, refusal.sha256()).orElseThrow()))
                .contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ").contains("không thuộc thẩm quyền");
    }

    @Test
    void aCitizenWithdrawsBeforeReceptionButNotAfter() throws Exception {
        String open = submitted("withdraw");
        HttpResponse<String> withdrawn = http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers/" + open + "/withdrawal"))
                .header("Authorization", "Bearer " + citizenToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Nộp nhầm thủ tục\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withdrawn.statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/dossiers/" + open + "/status").body()).contains("WITHDRAWN");

        String received = submitted("withdraw-late");
        reception.accept(DESK, received);
        HttpResponse<String> late = http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers/" + received + "/withdrawal"))
                .header("Authorization", "Bearer " + citizenToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("wrong-status");
    }

    @Test
    void theDeskRegistersADossierBroughtInPerson() throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("procedureCode", "1.000001");
        body.put("applicantName", "Lương Văn Cụ");
        body.put("personalId", "020045999101");
        body.put("address", "Thôn Nà Chuông, Xã Tân Đoàn, Tỉnh Lạng Sơn");
        body.put("resultDelivery", "AT_DESK");
        body.put("documents", List.of(DossierFixtures.document(ID_CARD, "scan-cccd.pdf", "application/pdf", pdf("scan " + UUID.randomUUID(), 0))));
        HttpResponse<String> registered = as(DESK, "POST", "/api/v1/reception/dossiers", "application/json", json.writeValueAsString(body));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String code = json.readTree(registered.body()).get("code").asString();
        DossierDetail detail = reception.forOfficer(DESK, code).orElseThrow();
        assertThat(detail.summary().channel()).isEqualTo(DossierChannel.IN_PERSON);
        assertThat(detail.maskedPersonalId()).isEqualTo("020******101");

        // the same person's dossier filed at the desk under their number shows in their own list once they log in with VNeID
        body.put("applicantName", "Nguyễn Văn An");
        body.put("personalId", CITIZEN);
        HttpResponse<String> theirs = as(DESK, "POST", "/api/v1/reception/dossiers", "application/json", json.writeValueAsString(body));
        String theirCode = json.readTree(theirs.body()).get("code").asString();
        HttpResponse<String> mine = http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers")).header("Authorization", "Bearer " + citizenToken)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mine.body()).contains(theirCode).doesNotContain(code);
        assertThat(http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers/" + code)).header("Authorization", "Bearer " + citizenToken)
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("someone else's dossier").isEqualTo(404);

        assertThatThrownBy(() -> reception.register(new IncomingDossier(DossierChannel.IN_PERSON, null, "1.000001", null, null,
                "Người khác", null, null, null, null, null, null, null,
                List.of(AttachedDocument.uploaded(ID_CARD, new Upload(ID_CARD, "a.pdf", "application/pdf", pdf("x", 0)))),
                ResultDelivery.AT_DESK, null, OTHER_DESK, null))).isInstanceOf(DossierActionRefused.class);
    }

    private UUID accountOf(String code) {
        return jdbc.sql("select applicant_account from dossier where code = ?").param(code).query(UUID.class).single();
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
