package vn.gov.egov.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.identity.Citizens;
import vn.gov.egov.procedure.Fee;

/** A dossier's payments over REST: for the citizen who owns it and the one-stop officers of its receiving agency. */
@RestController
@Tag(name = "Thanh toán phí, lệ phí", description = "Payment requests of dossiers, their state and electronic receipt (PayGov)")
class PaymentApiController {

    /** {@code fees} omitted: the procedure's fees. */
    record FeesBody(List<Fee> fees) {
    }

    private final PaymentAccess access;
    private final PaymentStore store;
    private final RequestingPayments requesting;

    PaymentApiController(PaymentAccess access, PaymentStore store, RequestingPayments requesting) {
        this.access = access;
        this.store = store;
        this.requesting = requesting;
    }

    @GetMapping("/api/v1/dossiers/{code}/payments")
    @Operation(summary = "The dossier's payment requests, the current one first (owner citizen, officers of the receiving agency)")
    List<PaymentView> payments(Authentication caller, @PathVariable String code) {
        access.visible(caller, code).orElseThrow(() -> PaymentRefused.unknownDossier(code));
        return store.ofDossier(code).stream().map(PaymentView::of).toList();
    }

    @PostMapping("/api/v1/dossiers/{code}/payments")
    @Operation(summary = "Set the dossier's fees (one-stop officer of the receiving agency): a new request replacing the open one; "
            + "without fees, the procedure's")
    ResponseEntity<PaymentView> request(Authentication caller, @PathVariable String code,
                                        @RequestBody(required = false) FeesBody body) {
        if (Citizens.accountIdOf(caller).isPresent()) {
            throw PaymentRefused.unknownDossier(code);
        }
        DossierDetail dossier = access.ofOfficer(caller.getName(), code).orElseThrow(() -> PaymentRefused.unknownDossier(code));
        Payment payment = requesting.request(caller.getName(), dossier, body == null ? null : body.fees());
        return ResponseEntity.status(HttpStatus.CREATED).body(PaymentView.of(payment));
    }

    @GetMapping("/api/v1/dossiers/{code}/payments/receipt")
    @Operation(summary = "The electronic receipt (PDF) of the dossier's paid fees")
    ResponseEntity<byte[]> receipt(Authentication caller, @PathVariable String code) {
        access.visible(caller, code).orElseThrow(() -> PaymentRefused.unknownDossier(code));
        byte[] pdf = access.receipt(code).orElseThrow(() -> new PaymentRefused(HttpStatus.NOT_FOUND, "no-receipt",
                "Chưa có biên lai", "Hồ sơ '%s' chưa thanh toán phí, lệ phí nên chưa có biên lai điện tử".formatted(code)));
        return pdf(pdf, code);
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String code) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("Biên lai " + code + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }
}
