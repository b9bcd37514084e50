package vn.gov.egov.dossier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.attachment.DocumentOwner;
import vn.gov.egov.attachment.PersonalDocument;
import vn.gov.egov.attachment.PersonalDocumentStore;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.eform.FieldError;
import vn.gov.egov.eform.FormDefinition;
import vn.gov.egov.eform.FormFilling;
import vn.gov.egov.eform.ProcedureForms;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.Procedures;

/** The citizen's dossiers: the list, one dossier with its timeline and files, withdrawal and supplements. */
@Controller
class DossierPagesController {

    /** One missing item of a supplement request; {@code form} when it is the e-form (or one of its fields). */
    record MissingRow(int index, MissingItem item, boolean form) {

        public String fileId() {
            return "file-" + index;
        }
    }

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final ProcedureForms forms;
    private final FormFilling filling;
    private final DossierViews views;
    private final DossierClock clock;
    private final DossierStore store;
    private final vn.gov.egov.result.Results results;
    private final PersonalDocumentStore personalDocuments;
    private final vn.gov.egov.identity.Citizens citizens;

    DossierPagesController(Dossiers dossiers, Procedures procedures, ProcedureForms forms, FormFilling filling, DossierViews views,
                           DossierClock clock, DossierStore store, vn.gov.egov.result.Results results,
                           PersonalDocumentStore personalDocuments, vn.gov.egov.identity.Citizens citizens) {
        this.personalDocuments = personalDocuments;
        this.citizens = citizens;
        this.store = store;
        this.results = results;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.forms = forms;
        this.filling = filling;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/my/dossiers")
    String list(Authentication authentication, Model model) {
        model.addAttribute("dossiers", dossiers.ofApplicant(DraftPagesController.account(authentication), 200));
        return "dossier/mine";
    }

    @GetMapping("/my/dossiers/{code}")
    String dossier(Authentication authentication, @PathVariable String code, Model model) {
        return page(DraftPagesController.account(authentication), code, DraftPagesController.PageErrors.none(), null, model);
    }

    @GetMapping("/my/dossiers/{code}/files/{sha256}")
    ResponseEntity<byte[]> file(Authentication authentication, @PathVariable String code, @PathVariable String sha256) {
        UUID account = DraftPagesController.account(authentication);
        DossierDetail detail = dossiers.ofApplicant(account, code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] content = dossiers.content(account, code, sha256).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<DossierDocument> document = detail.documents().stream().filter(d -> d.sha256().equals(sha256)).findFirst();
        String mediaType = document.map(DossierDocument::mediaType).orElse(MediaType.APPLICATION_PDF_VALUE);
        String fileName = document.map(DossierDocument::fileName).orElseGet(() -> detail.papers().stream()
                .filter(p -> p.sha256().equals(sha256)).findFirst().map(p -> p.vietnameseName() + " " + code + ".pdf").orElse(code + ".pdf"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }

    /** The signed result (or refusal notice) of the applicant's own dossier. */
    @GetMapping("/my/dossiers/{code}/result")
    ResponseEntity<byte[]> result(Authentication authentication, @PathVariable String code) {
        DossierDetail detail = dossiers.ofApplicant(DraftPagesController.account(authentication), code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        UUID resultId = store.clock(detail.summary().id()).map(DossierProgress.Clock::resultId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] content = results.find(resultId).filter(r -> detail.summary().id().equals(r.dossierId()))
                .flatMap(r -> results.content(resultId)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("Ket-qua-" + code + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }

    @PostMapping("/my/dossiers/{code}/withdraw")
    String withdraw(Authentication authentication, @PathVariable String code, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(required = false) String confirm, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        UUID account = DraftPagesController.account(authentication);
        DraftPagesController.PageErrors errors = DraftPagesController.PageErrors.none();
        if (confirm == null) {
            errors.fields().put("withdraw-confirm", "Xác nhận rút hồ sơ: hãy đánh dấu ô xác nhận nếu Ông/Bà muốn rút hồ sơ này");
        }
        if (reason.strip().length() > 500) {
            errors.fields().put("withdraw-reason", "Lý do rút hồ sơ: tối đa 500 ký tự");
        }
        if (errors.isEmpty()) {
            try {
                dossiers.withdraw(account, code, reason.strip());
                redirect.addFlashAttribute("withdrawn", true);
                return "redirect:/my/dossiers/" + code;
            } catch (UnknownDossier e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            } catch (DossierActionRefused e) {
                errors.general().add(e.getMessage());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("reason", reason);
        return page(account, code, errors, null, model);
    }

    /** The satisfaction levels, 1 to 5, as the rating form names them. */
    static final List<String> RATING_LEVELS = List.of("Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng");

    @PostMapping("/my/dossiers/{code}/rating")
    String rate(Authentication authentication, @PathVariable String code, @RequestParam(required = false) String rating,
                @RequestParam(defaultValue = "") String comment, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        UUID account = DraftPagesController.account(authentication);
        DraftPagesController.PageErrors errors = DraftPagesController.PageErrors.none();
        Integer level = null;
        try {
            level = rating == null || rating.isBlank() ? null : Integer.valueOf(rating.strip());
        } catch (NumberFormatException e) {
            level = null;
        }
        if (level == null || level < 1 || level > 5) {
            errors.fields().put("rating-1", "Mức độ hài lòng: hãy chọn một mức, từ \"Rất không hài lòng\" đến \"Rất hài lòng\"");
        }
        if (comment.strip().length() > 2000) {
            errors.fields().put("rating-comment", "Ý kiến góp ý: tối đa 2000 ký tự (đã nhập %d ký tự)".formatted(comment.strip().length()));
        }
        if (errors.isEmpty()) {
            try {
                dossiers.rate(account, code, level, comment.isBlank() ? null : comment.strip());
                redirect.addFlashAttribute("rated", true);
                return "redirect:/my/dossiers/" + code;
            } catch (UnknownDossier e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            } catch (SubmissionRefused e) {
                e.violations().forEach(v -> errors.fields().put(v.field().equals("comment") ? "rating-comment" : "rating-1", v.message()));
            } catch (DossierActionRefused e) {
                errors.general().add(e.getMessage());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("ratingValue", level);
        model.addAttribute("ratingComment", comment);
        return page(account, code, errors, null, model);
    }

    /** The rating given, read from the timeline ("Đánh giá mức độ hài lòng: 4/5"), or null. */
    static Integer ratingGiven(DossierDetail detail) {
        return detail.steps().stream().filter(s -> s.action().equals("RATED") && s.note() != null).reduce((a, b) -> b)
                .map(s -> java.util.regex.Pattern.compile("(\\d)/5").matcher(s.note()))
                .filter(java.util.regex.Matcher::find).map(m -> Integer.valueOf(m.group(1))).orElse(null);
    }

    @PostMapping("/my/dossiers/{code}/supplement")
    String supplement(Authentication authentication, @PathVariable String code, HttpServletRequest request, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        UUID account = DraftPagesController.account(authentication);
        DossierDetail detail = dossiers.ofApplicant(account, code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<FormDefinition> form = form(detail);
        List<MissingRow> rows = missingRows(detail, form.orElse(null));
        List<AttachedDocument> documents = new ArrayList<>();
        List<Integer> rowOfDocument = new ArrayList<>();
        List<MissingRow> unknownPick = new ArrayList<>();
        Procedure procedure = procedure(detail).orElse(null);
        for (MissingRow row : rows) {
            MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile(row.fileId()) : null;
            String what = row.item().what();
            boolean required = procedure != null && procedure.documents().stream().anyMatch(d -> d.name().equals(what));
            String picked = request.getParameter("personal-" + row.index());
            if (file != null && !file.isEmpty()) {
                documents.add(AttachedDocument.uploaded(required ? what : null,
                        new Upload(what, file.getOriginalFilename(), file.getContentType(), file.getBytes())));
                rowOfDocument.add(row.index());
            } else if (picked != null && !picked.isBlank()) {
                Optional<UUID> id = uuid(picked);
                if (id.isEmpty()) {
                    unknownPick.add(row);
                } else {
                    documents.add(AttachedDocument.fromPersonalStore(required ? what : null, id.get()));
                    rowOfDocument.add(row.index());
                }
            }
        }
        JsonNode corrected = null;
        Map<String, List<String>> parameters = DraftPagesController.parameters(request);
        if (form.isPresent() && rows.stream().anyMatch(MissingRow::form)) {
            corrected = filling.fromFormFields(form.get(), parameters);
        }
        DraftPagesController.PageErrors errors = DraftPagesController.PageErrors.none();
        unknownPick.forEach(row -> errors.fields().put(row.fileId(),
                "%s: giấy tờ đã chọn không có trong kho dữ liệu điện tử của Ông/Bà".formatted(row.item().what())));
        if (!errors.isEmpty()) {
            // nothing is sent while a choice is wrong
        } else if (documents.isEmpty() && corrected == null) {
            errors.fields().put(rows.isEmpty() ? "supplement" : rows.get(0).fileId(),
                    "Giấy tờ bổ sung: hãy tải lên ít nhất một tệp, hoặc chọn một giấy tờ trong kho, cho các giấy tờ được yêu cầu");
        } else {
            try {
                dossiers.supplement(account, code, corrected, documents);
                redirect.addFlashAttribute("supplemented", true);
                return "redirect:/my/dossiers/" + code;
            } catch (SubmissionRefused e) {
                for (Violation v : e.violations()) {
                    placed(v, rows, rowOfDocument, errors);
                }
            } catch (DossierActionRefused e) {
                errors.general().add(e.getMessage());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(account, code, errors, corrected, model);
    }

    private static void placed(Violation v, List<MissingRow> rows, List<Integer> rowOfDocument, DraftPagesController.PageErrors errors) {
        String field = v.field();
        if (field.equals("form")) {
            errors.form().add(new FieldError("", v.rule(), v.message()));
            return;
        }
        if (field.startsWith("form.")) {
            errors.form().add(new FieldError(field.substring(5), v.rule(), v.message()));
            return;
        }
        java.util.regex.Matcher indexed = java.util.regex.Pattern.compile("^documents\\[(\\d+)\\]").matcher(field);
        if (indexed.find() && Integer.parseInt(indexed.group(1)) < rowOfDocument.size()) {
            errors.fields().merge("file-" + rowOfDocument.get(Integer.parseInt(indexed.group(1))), v.message(), (a, b) -> a + " " + b);
            return;
        }
        for (MissingRow row : rows) {
            if (row.item().what().equals(field)) {
                errors.fields().merge(row.fileId(), v.message(), (a, b) -> a + " " + b);
                return;
            }
        }
        errors.general().add(v.message());
    }

    private String page(UUID account, String code, DraftPagesController.PageErrors errors, JsonNode correctedForm, Model model) {
        DossierDetail detail = dossiers.ofApplicant(account, code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<FormDefinition> form = form(detail);
        model.addAttribute("d", detail);
        model.addAttribute("s", detail.summary());
        model.addAttribute("agencyName", views.agencyName(detail.summary().receivingAgency()));
        model.addAttribute("formEntries", form.map(f -> FormEntries.of(f, detail.form())).orElse(List.of()));
        model.addAttribute("form", form.orElse(null));
        model.addAttribute("missing", missingRows(detail, form.orElse(null)));
        model.addAttribute("personal", detail.summary().status().awaitingSupplement() ? personal(account, detail) : List.of());
        model.addAttribute("formValues", correctedForm != null ? correctedForm : detail.form());
        model.addAttribute("errors", errors);
        Integer given = ratingGiven(detail);
        model.addAttribute("ratingGiven", given);
        model.addAttribute("ratingGivenName", given == null ? null : RATING_LEVELS.get(given - 1));
        model.addAttribute("ratingLevels", RATING_LEVELS);
        model.addAttribute("resultId", store.clock(detail.summary().id()).map(DossierProgress.Clock::resultId).orElse(null));
        model.addAttribute("feesDue", detail.summary().status().inProcessing() && procedure(detail)
                .map(p -> p.fees().stream().anyMatch(f -> f.amount() > 0)).orElse(false));
        return "dossier/dossier";
    }

    /** The applicant's own papers, and the business's when the dossier is the business's and they still represent it. */
    private List<PersonalDocument> personal(UUID account, DossierDetail detail) {
        List<PersonalDocument> documents = new ArrayList<>(personalDocuments.documents(DocumentOwner.citizen(account)));
        String taxCode = detail.businessTaxCode();
        if (taxCode != null && citizens.represents(account, taxCode)) {
            documents.addAll(personalDocuments.documents(DocumentOwner.business(taxCode)));
        }
        return documents;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<FormDefinition> form(DossierDetail detail) {
        return detail.formVersion() == null ? Optional.empty() : forms.version(detail.summary().procedureCode(), detail.formVersion());
    }

    private Optional<Procedure> procedure(DossierDetail detail) {
        LocalDate asOf = detail.summary().submittedAt() == null ? SubmissionChecks.today(clock)
                : LocalDate.ofInstant(detail.summary().submittedAt(), clock.getZone());
        return procedures.find(detail.summary().procedureCode(), asOf).or(() -> procedures.find(detail.summary().procedureCode(),
                SubmissionChecks.today(clock)));
    }

    /** The items the desk asked for; the e-form is one when it names the form, one of its fields, or the document the form replaces. */
    private List<MissingRow> missingRows(DossierDetail detail, FormDefinition form) {
        List<MissingRow> rows = new ArrayList<>();
        String replaced = form == null ? null : procedure(detail).map(p -> SubmissionChecks.documentReplacedByForm(p, form)).orElse(null);
        for (int i = 0; i < detail.missingItems().size(); i++) {
            MissingItem item = detail.missingItems().get(i);
            String what = item.what() == null ? "" : item.what().strip();
            boolean isForm = form != null && (what.equals("form") || what.startsWith("form.")
                    || what.toLowerCase(Locale.ROOT).equals(form.title().strip().toLowerCase(Locale.ROOT)) || what.equals(replaced));
            rows.add(new MissingRow(i, item, isForm));
        }
        return rows;
    }
}
