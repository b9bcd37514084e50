package vn.gov.egov.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The one-stop desk over REST (one-stop officers' tokens): the queue, the decisions, registering a dossier brought in person. */
@RestController
@RequestMapping("/api/v1/reception")
@Tag(name = "Tiếp nhận hồ sơ", description = "The one-stop desk: queue, accept, supplement request, refusal, in-person registration")
class ReceptionApiController {

    record AcceptedBody(String code, Instant receivedAt, Instant dueAt, LocalDate appointmentDate, String receiptUrl) {
    }

    record SupplementRequestBody(List<MissingItem> missing) {
    }

    record RefusalBody(List<String> reasons) {
    }

    record InPersonBody(String procedureCode, String agencyCode, String applicantName, String personalId, String phoneNumber,
                        String email, String address, String businessTaxCode, String businessName, JsonNode form,
                        List<DossierApiController.DocumentBody> documents, String resultDelivery, String deliveryAddress) {
    }

    record RegisteredBody(String code, String id, DossierStatus status, boolean replayed) {
    }

    private final DossierReception reception;

    ReceptionApiController(DossierReception reception) {
        this.reception = reception;
    }

    @GetMapping("/queue")
    @Operation(summary = "Dossiers waiting for the caller's one-stop desks, the most urgent first, with the time left to act")
    List<DossierReception.Queued> queue(Authentication officer, @RequestParam(defaultValue = "100") int limit) {
        return reception.queue(officer.getName(), limit);
    }

    @GetMapping("/dossiers/{code}")
    @Operation(summary = "A dossier of one of the caller's agencies, in full")
    DossierDetail dossier(Authentication officer, @PathVariable String code) {
        return reception.forOfficer(officer.getName(), code).orElseThrow(() -> new UnknownDossier(code));
    }

    @GetMapping("/dossiers/{code}/files/{sha256}")
    @Operation(summary = "A document or paper of a dossier of one of the caller's agencies")
    ResponseEntity<byte[]> file(Authentication officer, @PathVariable String code, @PathVariable String sha256) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(reception.content(officer.getName(), code, sha256).orElseThrow(() -> new UnknownDossier(code)));
    }

    @PostMapping("/dossiers/{code}/acceptance")
    @Operation(summary = "Receive the dossier: the appointment comes from the working-day calendar; the receipt is issued")
    AcceptedBody accept(Authentication officer, @PathVariable String code) {
        DossierReception.Accepted accepted = reception.accept(officer.getName(), code);
        return new AcceptedBody(accepted.code().toString(), accepted.receivedAt(), accepted.dueAt(), accepted.appointmentDate(),
                "/api/v1/reception/dossiers/" + code + "/files/" + accepted.receiptSha256());
    }

    @PostMapping("/dossiers/{code}/supplement-request")
    @Operation(summary = "Send the dossier back: what is missing and why; the clock does not start")
    ResponseEntity<Void> requestSupplement(Authentication officer, @PathVariable String code, @RequestBody SupplementRequestBody body) {
        reception.requestSupplement(officer.getName(), code, body == null ? List.of() : body.missing());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/dossiers/{code}/refusal")
    @Operation(summary = "Refuse to receive, with reasons")
    ResponseEntity<Void> refuse(Authentication officer, @PathVariable String code, @RequestBody RefusalBody body) {
        reception.refuse(officer.getName(), code, body == null ? List.of() : body.reasons());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/dossiers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a dossier brought to the desk in person (papers scanned); it enters the queue")
    ResponseEntity<RegisteredBody> register(Authentication officer, @RequestBody InPersonBody body) {
        Dossiers.Submitted registered = reception.register(new IncomingDossier(DossierChannel.IN_PERSON, null, body.procedureCode(),
                body.agencyCode(), null, body.applicantName(), body.personalId(), body.phoneNumber(), body.email(), body.address(),
                body.businessTaxCode(), body.businessName(), body.form(), DossierApiController.documents(body.documents()),
                DossierApiController.delivery(body.resultDelivery()), body.deliveryAddress(), officer.getName(), null));
        return ResponseEntity.status(HttpStatus.CREATED).body(new RegisteredBody(registered.code().toString(),
                registered.id().toString(), registered.status(), registered.replayed()));
    }
}
