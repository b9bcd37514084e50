package vn.gov.egov.result;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.signing.PdfSigning;
import vn.gov.egov.signing.PdfValidation;

/**
 * The public verification of results: {@code /verify/{resultId}} (where the QR code leads) re-validates the signature
 * of the stored bytes every time and says whether the platform issued them and whether the result still stands;
 * {@code /verify} checks an uploaded PDF by its hash and its signature. Nothing personal beyond the masked holder name.
 */
@Controller
class VerificationPage {

    /**
     * What the page says about one result.
     *
     * @param hashMatches      the stored bytes still have the hash recorded when it was issued
     * @param withinValidity   today is within its validity dates
     */
    record Verification(ResultDocument result, PdfValidation signature, boolean hashMatches, boolean withinValidity,
                        boolean notYetValid, LocalDate validFrom) {

        public boolean signatureValid() {
            return signature.valid() && hashMatches;
        }

        /** Authentic, signed, not revoked, within its dates. */
        public boolean stands() {
            return signatureValid() && !result.revoked() && withinValidity;
        }
    }

    private final IssuingResults results;
    private final DossierFiles files;
    private final PdfSigning signing;

    VerificationPage(IssuingResults results, DossierFiles files, PdfSigning signing) {
        this.results = results;
        this.files = files;
        this.signing = signing;
    }

    @GetMapping("/verify")
    String form() {
        return "result/verify";
    }

    @GetMapping("/verify/{resultId}")
    String verify(@PathVariable String resultId, Model model, HttpServletResponse response) {
        Optional<ResultDocument> result = parse(resultId).flatMap(results::find);
        if (result.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("resultId", resultId.length() > 60 ? resultId.substring(0, 60) + "…" : resultId);
            return "result/unknown";
        }
        byte[] content = files.content(result.get().sha256()).orElse(new byte[0]);
        model.addAttribute("verification", verification(result.get(), content));
        return "result/verify";
    }

    @PostMapping("/verify")
    String check(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("fileError", "Tệp cần kiểm tra: hãy chọn tệp PDF của kết quả giải quyết.");
            return "result/verify";
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "tệp tải lên" : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        byte[] content = file.getBytes();
        PdfValidation signature = signing.validate(content);
        if (signature.verdict() == PdfValidation.Verdict.NOT_A_PDF) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("fileError", "Tệp “%s” không phải là tệp PDF đọc được: chỉ kiểm tra được kết quả giải quyết dạng PDF.".formatted(name));
            return "result/verify";
        }
        if (signature.verdict() == PdfValidation.Verdict.NOT_SIGNED) {
            model.addAttribute("outcome", "UNSIGNED");
            model.addAttribute("message", "Tệp “%s” không có chữ ký số: đây không phải bản điện tử của kết quả giải quyết do hệ thống cấp.".formatted(name));
            return "result/verify";
        }
        Optional<ResultDocument> issued = results.bySha256(IssuingResults.sha256(content));
        if (issued.isPresent()) {
            model.addAttribute("outcome", "ISSUED");
            model.addAttribute("message", "Tệp “%s” trùng khớp từng byte với kết quả giải quyết do hệ thống cấp.".formatted(name));
            model.addAttribute("verification", verification(issued.get(), content));
            return "result/verify";
        }
        model.addAttribute("signature", signature);
        if (signature.valid()) {
            model.addAttribute("outcome", "NOT_ISSUED");
            model.addAttribute("message", ("Chữ ký số của tệp “%s” hợp lệ, nhưng hệ thống không cấp tệp này: không tìm thấy kết quả giải quyết "
                    + "nào trùng khớp. Hãy kiểm tra bằng mã QR in trên kết quả.").formatted(name));
        } else {
            model.addAttribute("outcome", "INVALID");
            model.addAttribute("message", "Tệp “%s” không phải kết quả hợp lệ do hệ thống cấp: chữ ký số không hợp lệ.".formatted(name));
        }
        return "result/verify";
    }

    private Verification verification(ResultDocument result, byte[] content) {
        LocalDate today = LocalDate.now(IssuingResults.VIETNAM);
        LocalDate from = result.validFrom() != null ? result.validFrom() : result.issuedAt().atZone(IssuingResults.VIETNAM).toLocalDate();
        return new Verification(result, signing.validate(content), IssuingResults.sha256(content).equals(result.sha256()),
                result.validOn(today, IssuingResults.VIETNAM), today.isBefore(from), from);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
