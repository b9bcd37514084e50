package vn.gov.egov.dossier;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.gov.egov.printing.QrCodes;

/** The public status look-up by dossier code (tra cứu hồ sơ), and the QR code that leads to it. */
@Controller
class PublicLookUpController {

    private final Dossiers dossiers;
    private final DossierPapersPrinter printer;
    private final QrCodes qrCodes;

    PublicLookUpController(Dossiers dossiers, DossierPapersPrinter printer, QrCodes qrCodes) {
        this.dossiers = dossiers;
        this.printer = printer;
        this.qrCodes = qrCodes;
    }

    @GetMapping("/tra-cuu-ho-so")
    String lookUp(@RequestParam(name = "ma", defaultValue = "") String code, Model model, HttpServletResponse response) {
        String given = code.strip();
        model.addAttribute("code", given);
        if (given.isEmpty()) {
            return "dossier/lookup";
        }
        try {
            DossierCode.parse(given);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.getMessage());
            return "dossier/lookup";
        }
        Optional<PublicStatus> status = dossiers.publicStatus(given);
        if (status.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "Không tìm thấy hồ sơ có mã '%s'. Hãy kiểm tra lại mã in trên giấy tiếp nhận hoặc trong thư thông báo."
                    .formatted(given));
            return "dossier/lookup";
        }
        model.addAttribute("status", status.get());
        return "dossier/lookup";
    }

    @GetMapping(path = "/tra-cuu-ho-so/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable String code) {
        if (dossiers.publicStatus(code).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .body(qrCodes.qrPng(printer.lookUpAddress(code.strip()), 240));
    }
}
