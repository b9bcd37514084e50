package vn.gov.egov.reception;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.egov.dossier.DossierOutcome;
import vn.gov.egov.dossier.ResultDelivery;

/** The return of results at the desk over REST (one-stop officers' tokens). */
@RestController
@RequestMapping("/api/v1/reception")
@Tag(name = "Trả kết quả", description = "The one-stop desk: results waiting to be returned, and their return in person")
class ReturnApiController {

    record WaitingBody(String code, String procedureName, String applicantName, String businessName, ResultDelivery resultDelivery,
                       DossierOutcome outcome, LocalDate appointmentDate, boolean late, Instant resolvedAt) {
    }

    /** {@code proxy}: an authorised person receives, with their personal identification number and relation. */
    record HandOverBody(String recipientName, Boolean proxy, String proxyPersonalId, String relation) {
    }

    record ReturnedBody(String code, String status, String handedTo, Instant returnedAt) {
    }

    private final ReturningResults returning;

    ReturnApiController(ReturningResults returning) {
        this.returning = returning;
    }

    @GetMapping("/results")
    @Operation(summary = "Resolved dossiers of the caller's agencies whose results wait to be returned (every way of return), oldest first")
    List<WaitingBody> waiting(Authentication officer, @RequestParam(defaultValue = "100") int limit) {
        return returning.waiting(officer.getName(), limit).stream().map(w -> new WaitingBody(w.code(), w.procedureName(), w.applicantName(),
                w.businessName(), w.delivery(), w.outcome(), w.appointmentDate(), w.late(), w.resolvedAt())).toList();
    }

    @PostMapping("/dossiers/{code}/result-return")
    @Operation(summary = "Return the result at the desk: to the applicant, or to an authorised person (number and relation); "
            + "403 for another agency's dossier, 409 when not resolved, 422 when the recipient is missing or wrong")
    ReturnedBody handOver(Authentication officer, @PathVariable String code, @RequestBody(required = false) HandOverBody body) {
        HandOverBody b = body == null ? new HandOverBody(null, false, null, null) : body;
        ReturningResults.Returned returned = returning.handOver(officer.getName(), code,
                new ReturningResults.HandOver(b.recipientName(), Boolean.TRUE.equals(b.proxy()), b.proxyPersonalId(), b.relation()));
        return new ReturnedBody(returned.code(), "RETURNED", returned.handedTo(), returned.at());
    }
}
