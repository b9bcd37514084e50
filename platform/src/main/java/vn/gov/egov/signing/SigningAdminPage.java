package vn.gov.egov.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;

/**
 * The province administrator's page of agency certificates: subject, serial, validity, state; where the test CA is in
 * use, issuing a new test certificate for an agency and revoking one. Also the test CA's public revocation list.
 */
@Controller
class SigningAdminPage {

    /** One line of the list, whichever the key's source. */
    record CertificateRow(UUID id, String source, String agencies, String subject, String serial, Instant notBefore,
                          Instant notAfter, Instant revokedAt, String revocationReason, String state) {
    }

    private final TestCertificateAuthority testCa;
    private final AgencyKeys keys;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    SigningAdminPage(TestCertificateAuthority testCa, AgencyKeys keys, AuditTrail audit, TransactionTemplate transaction) {
        this.testCa = testCa;
        this.keys = keys;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Every certificate an agency may sign with: the configured keys, then the test CA's (newest first per agency). */
    List<CertificateRow> rows() {
        Instant now = Instant.now();
        List<CertificateRow> rows = new ArrayList<>();
        for (KeystoreKeys.Configured configured : keys.configuredKeys()) {
            var certificate = configured.key().certificate();
            rows.add(new CertificateRow(null, configured.key().source(), String.join(", ", configured.agencies()),
                    Certificates.subject(certificate), configured.key().serial(), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(), null, null,
                    state(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), null, now)));
        }
        if (keys.testCaInUse()) {
            for (TestCertificateAuthority.IssuedCertificate issued : testCa.certificates()) {
                rows.add(new CertificateRow(issued.id(), "TEST_CA", issued.agencyCode() + " – " + issued.agencyName(), issued.subject(),
                        issued.serial(), issued.notBefore(), issued.notAfter(), issued.revokedAt(), issued.revocationReason(),
                        state(issued.notBefore(), issued.notAfter(), issued.revokedAt(), now)));
            }
        }
        return rows;
    }

    @GetMapping("/admin/signing")
    String page(Model model) {
        List<CertificateRow> rows = rows();
        model.addAttribute("rows", rows);
        model.addAttribute("testCa", keys.testCaInUse());
        model.addAttribute("testCaSubject", keys.testCaInUse() ? Certificates.subject(testCa.certificate()) : null);
        model.addAttribute("anchors", keys.trustAnchors().stream().map(Certificates::subject).toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "signing/admin";
    }

    @PostMapping("/admin/signing/certificates")
    String issue(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String agencyName,
                 Authentication authentication, Model model, RedirectAttributes redirect) {
        if (!keys.testCaInUse()) {
            redirect.addFlashAttribute("problem", "Chỉ cấp được chứng thư thử nghiệm khi hệ thống dùng CA thử nghiệm (egov.signing.key-source=test-ca).");
            return "redirect:/admin/signing";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String code = agencyCode.strip();
        String name = agencyName.strip();
        if (code.isEmpty()) {
            errors.put("agencyCode", "Mã cơ quan: bắt buộc nhập.");
        } else if (code.length() > 40 || !code.matches("[A-Za-z0-9.\\-]+")) {
            errors.put("agencyCode", "Mã cơ quan: tối đa 40 ký tự, gồm chữ không dấu, số, dấu chấm và gạch ngang.");
        }
        if (name.isEmpty()) {
            errors.put("agencyName", "Tên cơ quan: bắt buộc nhập.");
        } else if (name.length() > 300) {
            errors.put("agencyName", "Tên cơ quan: tối đa 300 ký tự.");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("agencyCode", agencyCode);
            model.addAttribute("agencyName", agencyName);
            return page(model);
        }
        Instant now = Instant.now();
        TestCertificateAuthority.IssuedCertificate issued = transaction.execute(status -> {
            TestCertificateAuthority.IssuedCertificate certificate = testCa.issue(new SigningAgency(code, name),
                    now.minusSeconds(300), now.plus(testCaValidity()), authentication.getName());
            audit.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("signing-certificate", certificate.id().toString())
                    .detail("agencyCode", code).detail("serial", certificate.serial()).detail("source", "TEST_CA").fromCurrentRequest().build());
            return certificate;
        });
        redirect.addFlashAttribute("done", "Đã cấp chứng thư số thử nghiệm số hiệu %s cho %s; từ nay cơ quan ký bằng chứng thư này."
                .formatted(issued.serial(), name));
        return "redirect:/admin/signing";
    }

    @PostMapping("/admin/signing/certificates/{id}/revoke")
    String revoke(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        if (reason.isBlank() || reason.strip().length() > 500) {
            redirect.addFlashAttribute("problem", "Lý do thu hồi: bắt buộc nhập, tối đa 500 ký tự.");
            return "redirect:/admin/signing";
        }
        boolean revoked = Boolean.TRUE.equals(transaction.execute(status -> {
            boolean changed = testCa.revoke(id, reason.strip());
            if (changed) {
                audit.record(AuditRecord.builder("REVOKE", Outcome.SUCCESS).object("signing-certificate", id.toString())
                        .detail("reason", reason.strip()).fromCurrentRequest().build());
            }
            return changed;
        }));
        if (revoked) {
            redirect.addFlashAttribute("done", "Đã thu hồi chứng thư số.");
        } else {
            redirect.addFlashAttribute("problem", "Không có chứng thư số này, hoặc chứng thư đã bị thu hồi trước đó.");
        }
        return "redirect:/admin/signing";
    }

    /** The test CA's certificate revocation list, named in the certificates it issues (public, like any CRL). */
    @GetMapping(path = "/signing/test-ca.crl", produces = "application/pkix-crl")
    ResponseEntity<byte[]> revocationList() {
        if (!keys.testCaAllowed() || testCa.certificateIfCreated().isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-crl"))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic()).body(testCa.revocationList());
    }

    /**
     * The test CA's OCSP responder (RFC 6960 §A.1: a DER request POSTed), named in the certificates it issues (public,
     * like any responder).
     */
    @org.springframework.web.bind.annotation.ResponseBody
    @PostMapping(path = "/signing/test-ca/ocsp", consumes = OcspResponses.REQUEST_TYPE, produces = OcspResponses.RESPONSE_TYPE)
    ResponseEntity<byte[]> ocsp(@org.springframework.web.bind.annotation.RequestBody byte[] request) {
        if (!keys.testCaAllowed() || testCa.certificateIfCreated().isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(OcspResponses.RESPONSE_TYPE)).cacheControl(CacheControl.noStore())
                .body(testCa.answer(request));
    }

    /** The same list for the province administrator's tools (JSON). */
    @org.springframework.web.bind.annotation.ResponseBody
    @GetMapping(path = "/api/v1/signing/certificates", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CertificateRow> certificates() {
        return rows();
    }

    private java.time.Duration testCaValidity() {
        return testCa.validity();
    }

    private static String state(Instant notBefore, Instant notAfter, Instant revokedAt, Instant now) {
        if (revokedAt != null) {
            return "REVOKED";
        }
        if (notAfter.isBefore(now)) {
            return "EXPIRED";
        }
        return notBefore.isAfter(now) ? "NOT_YET_VALID" : "VALID";
    }
}
