package vn.gov.egov.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.identity.Citizens;

/** The citizen's personal document store: list, download, upload a digitized paper, remove their own uploads. */
@Controller
class MyDocumentsPage {

    static final String PERSONAL_CHANNEL = "PERSONAL";

    private final PersonalDocumentStore store;
    private final DossierFiles files;
    private final TransactionTemplate transaction;
    private final String maxSize;
    private final AuditTrail audit;

    MyDocumentsPage(PersonalDocumentStore store, DossierFiles files, TransactionTemplate transaction, AttachmentProperties properties,
                    AuditTrail audit) {
        this.store = store;
        this.files = files;
        this.transaction = transaction;
        this.audit = audit;
        this.maxSize = FileChecks.size(properties.maxFileSize().toBytes());
    }

    @GetMapping("/my/documents")
    String documents(Authentication authentication, Model model) {
        return page(owner(authentication), model, Map.of(), null);
    }

    @GetMapping("/my/documents/{id}/content")
    ResponseEntity<byte[]> content(Authentication authentication, @PathVariable UUID id) {
        PersonalDocument document = store.find(owner(authentication), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] content = files.content(document.sha256()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(document), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }

    @PostMapping("/my/documents")
    String upload(Authentication authentication, @RequestParam(defaultValue = "") String title,
                  @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String issuedOn,
                  @RequestParam(defaultValue = "") String validUntil, Model model, RedirectAttributes redirect) throws IOException {
        DocumentOwner owner = owner(authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isBlank()) {
            errors.put("title", "Tên giấy tờ: bắt buộc nhập.");
        } else if (title.strip().length() > 300) {
            errors.put("title", "Tên giấy tờ: tối đa 300 ký tự.");
        }
        LocalDate issued = date(issuedOn, "issuedOn", "Ngày cấp", errors);
        LocalDate valid = date(validUntil, "validUntil", "Có hiệu lực đến", errors);
        if (issued != null && valid != null && valid.isBefore(issued)) {
            errors.put("validUntil", "Có hiệu lực đến: phải sau ngày cấp.");
        }
        CheckedFile checked = null;
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            errors.put("file", "Tệp giấy tờ: hãy chọn một tệp PDF, JPEG hoặc PNG.");
        } else {
            try {
                checked = files.check(new Upload("Tệp giấy tờ", file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            } catch (RejectedFile e) {
                errors.put("file", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("documentTitle", title);
            model.addAttribute("issuedOn", issuedOn);
            model.addAttribute("validUntil", validUntil);
            return page(owner, model, errors, null);
        }
        CheckedFile accepted = checked;
        PersonalDocument added = transaction.execute(status -> {
            PersonalDocument document = store.add(owner, title, PersonalDocumentKind.UPLOADED,
                    files.store(accepted, new Provenance(PERSONAL_CHANNEL, null, owner.id())), null, issued, valid);
            audit.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("personal-document", document.id().toString())
                    .detail("sha256", document.sha256()).detail("kind", document.kind().name()).fromCurrentRequest().build());
            return document;
        });
        redirect.addFlashAttribute("added", added.title());
        return "redirect:/my/documents";
    }

    @PostMapping("/my/documents/{id}/remove")
    String remove(Authentication authentication, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        DocumentOwner owner = owner(authentication);
        PersonalDocument document = store.find(owner, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            transaction.executeWithoutResult(status -> {
                store.remove(owner, id);
                audit.record(AuditRecord.builder(AuditActions.DELETE, Outcome.SUCCESS).object("personal-document", id.toString())
                        .detail("sha256", document.sha256()).fromCurrentRequest().build());
            });
        } catch (IllegalStateException e) {
            return page(owner, model, Map.of(), e.getMessage());
        }
        redirect.addFlashAttribute("removed", document.title());
        return "redirect:/my/documents";
    }

    private String page(DocumentOwner owner, Model model, Map<String, String> errors, String problem) {
        model.addAttribute("documents", store.documents(owner));
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("maxSize", maxSize);
        return "attachment/documents";
    }

    static DocumentOwner owner(Authentication authentication) {
        return DocumentOwner.citizen(Citizens.accountIdOf(authentication)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)));
    }

    /** The title as a file name, with the extension of its type: "Giấy khai sinh.pdf". */
    static String fileName(PersonalDocument document) {
        String base = document.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (base.length() > 120) {
            base = base.substring(0, 120);
        }
        String extension = switch (document.mediaType()) {
            case "application/pdf" -> "pdf";
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            default -> "bin";
        };
        return (base.isEmpty() ? "giay-to" : base) + "." + extension;
    }

    private static LocalDate date(String value, String field, String label, Map<String, String> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, label + ": không phải ngày hợp lệ (dd/mm/yyyy).");
            return null;
        }
    }
}
