package vn.gov.egov.dossier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
import vn.gov.egov.attachment.CheckedFile;
import vn.gov.egov.attachment.DocumentOwner;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.attachment.PersonalDocument;
import vn.gov.egov.attachment.PersonalDocumentStore;
import vn.gov.egov.attachment.Provenance;
import vn.gov.egov.attachment.RejectedFile;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.eform.Applicant;
import vn.gov.egov.eform.FieldError;
import vn.gov.egov.eform.FormDefinition;
import vn.gov.egov.eform.FormFilling;
import vn.gov.egov.eform.NotARepresentative;
import vn.gov.egov.eform.ProcedureForms;
import vn.gov.egov.identity.Citizens;
import vn.gov.egov.procedure.Channel;
import vn.gov.egov.procedure.OnlineLevel;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.Procedures;
import vn.gov.egov.procedure.RequiredDocument;

/**
 * The citizen's submission wizard: a draft per procedure (form pre-filled, documents uploaded or picked from the
 * personal document store, kept in the central repository at once), its review, and the submission.
 */
@Controller
class DraftPagesController {

    /** Files kept for a draft are stored with this channel as provenance. */

    /** One required document on the draft page; {@code index} is its position in the procedure's list. */
    record DocumentRow(int index, RequiredDocument required, boolean optional, DossierDrafts.DraftDocument kept,
                       List<PersonalDocument> personal) {

        public String fileId() {
            return "file-" + index;
        }
    }

    record Option(String code, String name) {
    }

    /** What went wrong on a page: by input id (the error summary links there), the form's own errors, the rest. */
    record PageErrors(Map<String, String> fields, List<FieldError> form, List<String> general) {

        static PageErrors none() {
            return new PageErrors(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
        }

        public boolean isEmpty() {
            return fields.isEmpty() && form.isEmpty() && general.isEmpty();
        }
    }

    private final DossierDrafts drafts;
    private final Dossiers dossiers;
    private final Procedures procedures;
    private final ProcedureForms forms;
    private final FormFilling filling;
    private final DossierFiles files;
    private final PersonalDocumentStore personalDocuments;
    private final Citizens citizens;
    private final DossierViews views;
    private final DossierClock clock;
    private final TransactionTemplate transaction;

    DraftPagesController(DossierDrafts drafts, Dossiers dossiers, Procedures procedures, ProcedureForms forms, FormFilling filling,
                         DossierFiles files, PersonalDocumentStore personalDocuments, Citizens citizens, DossierViews views,
                         DossierClock clock, PlatformTransactionManager transactions) {
        this.drafts = drafts;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.forms = forms;
        this.filling = filling;
        this.files = files;
        this.personalDocuments = personalDocuments;
        this.citizens = citizens;
        this.views = views;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @GetMapping("/my/dossiers/new")
    String start(Authentication authentication, @RequestParam(name = "procedure", defaultValue = "") String code, Model model,
                 HttpServletResponse response) {
        UUID account = account(authentication);
        LocalDate today = SubmissionChecks.today(clock);
        Optional<Procedure> found = code.isBlank() ? Optional.empty() : procedures.find(code.strip(), today);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "Không có thủ tục hành chính mã '%s' đang có hiệu lực".formatted(code));
            return "dossier/not-online";
        }
        Procedure procedure = found.get();
        if (!onlineOffered(procedure)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("procedure", procedure);
            model.addAttribute("problem", "Thủ tục '%s' (%s) không cung cấp dịch vụ công trực tuyến; hãy nộp trực tiếp hoặc qua bưu chính"
                    .formatted(procedure.name(), procedure.code()));
            return "dossier/not-online";
        }
        JsonNode values = forms.current(procedure.code(), today).map(form -> prefilled(form, Applicant.citizen(account), Map.of()))
                .orElse(null);
        UUID id = drafts.create(account, procedure.code(), values, clock.instant());
        return "redirect:/my/dossiers/drafts/" + id;
    }

    @GetMapping("/my/dossiers/drafts")
    String list(Authentication authentication, Model model) {
        UUID account = account(authentication);
        LocalDate today = SubmissionChecks.today(clock);
        model.addAttribute("drafts", drafts.of(account));
        Map<String, String> names = new LinkedHashMap<>();
        for (DossierDrafts.DraftSummary d : drafts.of(account)) {
            names.computeIfAbsent(d.procedureCode(), c -> procedures.find(c, today).map(Procedure::name).orElse(c));
        }
        model.addAttribute("procedureNames", names);
        return "dossier/drafts";
    }

    @GetMapping("/my/dossiers/drafts/{id}")
    String draft(Authentication authentication, @PathVariable String id, Model model) {
        DossierDrafts.Draft draft = own(authentication, id);
        if (draft.submittedCode() != null) {
            return "redirect:/my/dossiers/" + draft.submittedCode();
        }
        return page(draft, PageErrors.none(), model);
    }

    @PostMapping("/my/dossiers/drafts/{id}")
    String save(Authentication authentication, @PathVariable String id, @RequestParam(defaultValue = "save") String action,
                HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
        DossierDrafts.Draft draft = own(authentication, id);
        if (draft.submittedCode() != null) {
            return "redirect:/my/dossiers/" + draft.submittedCode();
        }
        UUID account = draft.account();
        LocalDate today = SubmissionChecks.today(clock);
        PageErrors errors = PageErrors.none();
        Map<String, List<String>> parameters = parameters(request);
        Procedure procedure = procedures.find(draft.procedureCode(), today).orElse(null);
        FormDefinition form = forms.current(draft.procedureCode(), today).orElse(null);

        String taxCode = blankToNull(first(parameters, "businessTaxCode"));
        if (taxCode != null && !citizens.represents(account, taxCode)) {
            errors.fields().put("applicant-self", "Người nộp: Ông/Bà không phải người đại diện của doanh nghiệp có mã số thuế %s"
                    .formatted(taxCode));
            taxCode = draft.businessTaxCode();
        }
        JsonNode filled = draft.form();
        if (form != null) {
            boolean applicantChanged = !java.util.Objects.equals(taxCode, draft.businessTaxCode());
            filled = applicantChanged ? prefilled(form, new Applicant(account, taxCode), parameters) : filling.fromFormFields(form, parameters);
        }
        String agency = blankToNull(first(parameters, "agencyCode"));
        ResultDelivery delivery = draft.resultDelivery();
        String deliveryText = first(parameters, "resultDelivery");
        if (deliveryText != null) {
            try {
                delivery = ResultDelivery.valueOf(deliveryText);
            } catch (IllegalArgumentException e) {
                errors.fields().put("delivery-ONLINE", "Cách nhận kết quả: hãy chọn một trong các cách được liệt kê");
            }
        }
        String address = Optional.ofNullable(first(parameters, "deliveryAddress")).map(String::strip).orElse(draft.deliveryAddress());
        if (address != null && address.length() > 300) {
            errors.fields().put("deliveryAddress", "Địa chỉ nhận kết quả: tối đa 300 ký tự");
            address = address.substring(0, 300);
        }

        List<DossierDrafts.DraftDocument> kept = new ArrayList<>();
        List<CheckedFile> toStore = new ArrayList<>();
        List<DocumentOwner> owners = owners(account, taxCode);
        if (procedure != null) {
            for (DocumentRow row : rows(procedure, form, draft, owners)) {
                String name = row.required().name();
                MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile(row.fileId()) : null;
                String personal = first(parameters, "personal-" + row.index());
                boolean remove = first(parameters, "remove-" + row.index()) != null;
                DossierDrafts.DraftDocument previous = row.kept();
                if (file != null && !file.isEmpty()) {
                    try {
                        CheckedFile checked = files.check(new Upload(name, file.getOriginalFilename(), file.getContentType(), file.getBytes()));
                        if (previous != null && checked.sha256().equals(previous.sha256())) {
                            kept.add(previous); // the same file again: it is in the repository for this draft already
                        } else {
                            toStore.add(checked);
                            kept.add(DossierDrafts.DraftDocument.file(name, checked.sha256(), checked.fileName(), checked.mediaType()));
                        }
                    } catch (RejectedFile e) {
                        errors.fields().put(row.fileId(), e.getMessage());
                        if (previous != null) {
                            kept.add(previous);
                        }
                    }
                } else if (personal != null && !personal.isBlank()) {
                    Optional<PersonalDocument> picked = pick(owners, personal);
                    if (picked.isPresent()) {
                        kept.add(DossierDrafts.DraftDocument.personal(name, picked.get().id(), picked.get().title()));
                    } else {
                        errors.fields().put(row.fileId(), "%s: giấy tờ đã chọn không có trong kho dữ liệu điện tử của Ông/Bà".formatted(name));
                    }
                } else if (previous != null && !remove && !(previous.personalDocumentId() != null && personal != null)) {
                    kept.add(previous);
                }
            }
        } else {
            errors.general().add("Thủ tục '%s' không còn hiệu lực; không nộp hồ sơ được nữa".formatted(draft.procedureCode()));
        }

        DossierDrafts.Draft changed = draft.with(agency, taxCode, filled, delivery, address, kept);
        String storedBy = account.toString();
        transaction.executeWithoutResult(status -> {
            for (CheckedFile checked : toStore) {
                files.store(checked, new Provenance(DossierDrafts.DRAFT_CHANNEL, null, storedBy));
            }
            drafts.save(changed, clock.instant());
        });
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(changed, errors, model);
        }
        if ("review".equals(action)) {
            return "redirect:/my/dossiers/drafts/" + draft.id() + "/review";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/my/dossiers/drafts/" + draft.id();
    }

    @GetMapping("/my/dossiers/drafts/{id}/review")
    String review(Authentication authentication, @PathVariable String id, Model model) {
        DossierDrafts.Draft draft = own(authentication, id);
        if (draft.submittedCode() != null) {
            return "redirect:/my/dossiers/" + draft.submittedCode();
        }
        LocalDate today = SubmissionChecks.today(clock);
        Procedure procedure = procedures.find(draft.procedureCode(), today)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormDefinition form = forms.current(draft.procedureCode(), today).orElse(null);
        model.addAttribute("draft", draft);
        model.addAttribute("procedure", procedure);
        model.addAttribute("form", form);
        model.addAttribute("formEntries", form == null ? List.of() : FormEntries.of(form, draft.form()));
        model.addAttribute("documents", rows(procedure, form, draft, List.of()));
        model.addAttribute("agencyName", agencyOf(procedure, draft) == null ? null : views.agencyName(agencyOf(procedure, draft)));
        Citizens.Citizen applicant = citizens.byAccountId(draft.account()).orElse(null);
        model.addAttribute("applicantName", applicant == null ? "" : applicant.fullName());
        model.addAttribute("businessName", applicant == null || draft.businessTaxCode() == null ? null : applicant.businessName(draft.businessTaxCode()));
        return "dossier/review";
    }

    @PostMapping("/my/dossiers/drafts/{id}/submit")
    String submit(Authentication authentication, @PathVariable String id, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        DossierDrafts.Draft draft = own(authentication, id);
        if (draft.submittedCode() != null) {
            return "redirect:/my/dossiers/" + draft.submittedCode();
        }
        List<AttachedDocument> documents = new ArrayList<>();
        for (DossierDrafts.DraftDocument d : draft.documents()) {
            if (d.personalDocumentId() != null) {
                documents.add(AttachedDocument.fromPersonalStore(d.requiredDocument(), d.personalDocumentId()));
            } else {
                byte[] content = files.content(d.sha256()).orElseThrow(() -> new IllegalStateException("draft file " + d.sha256() + " is gone"));
                documents.add(AttachedDocument.uploaded(d.requiredDocument(), new Upload(d.requiredDocument(), d.fileName(), d.mediaType(), content)));
            }
        }
        DossierSubmission submission = new DossierSubmission(draft.procedureCode(), draft.agencyCode(), draft.businessTaxCode(), draft.form(),
                documents, draft.resultDelivery(), draft.deliveryAddress());
        try {
            Dossiers.Submitted submitted = dossiers.submit(draft.account(), "draft-" + draft.id(), submission);
            String code = submitted.code().toString();
            drafts.submitted(draft.id(), code, clock.instant());
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/my/dossiers/" + code;
        } catch (SubmissionRefused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(draft, errorsOf(e.violations(), draft), model);
        } catch (DossierActionRefused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            PageErrors errors = PageErrors.none();
            errors.general().add(e.getMessage());
            return page(draft, errors, model);
        }
    }

    @PostMapping("/my/dossiers/drafts/{id}/delete")
    String delete(Authentication authentication, @PathVariable String id, RedirectAttributes redirect) {
        DossierDrafts.Draft draft = own(authentication, id);
        drafts.delete(draft.account(), draft.id());
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/my/dossiers/drafts";
    }

    private String page(DossierDrafts.Draft draft, PageErrors errors, Model model) {
        LocalDate today = SubmissionChecks.today(clock);
        Procedure procedure = procedures.find(draft.procedureCode(), today)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormDefinition form = forms.current(draft.procedureCode(), today).orElse(null);
        Citizens.Citizen citizen = citizens.byAccountId(draft.account()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        model.addAttribute("draft", draft);
        model.addAttribute("procedure", procedure);
        model.addAttribute("form", form);
        model.addAttribute("replacedByForm", form == null ? null : SubmissionChecks.documentReplacedByForm(procedure, form));
        model.addAttribute("citizen", citizen);
        model.addAttribute("agencies", procedure.implementingAgencies().stream().map(a -> new Option(a, views.agencyName(a))).toList());
        model.addAttribute("documents", rows(procedure, form, draft, owners(draft.account(), draft.businessTaxCode())));
        model.addAttribute("deliveries", ResultDelivery.values());
        model.addAttribute("errors", errors);
        return "dossier/draft";
    }

    /** The required documents the applicant is asked for: all but the one the e-form replaces. */
    private List<DocumentRow> rows(Procedure procedure, FormDefinition form, DossierDrafts.Draft draft, List<DocumentOwner> owners) {
        String replaced = form == null ? null : SubmissionChecks.documentReplacedByForm(procedure, form);
        List<PersonalDocument> personal = new ArrayList<>();
        owners.forEach(owner -> personal.addAll(personalDocuments.documents(owner)));
        List<DocumentRow> rows = new ArrayList<>();
        for (int i = 0; i < procedure.documents().size(); i++) {
            RequiredDocument required = procedure.documents().get(i);
            if (required.name().equals(replaced)) {
                continue;
            }
            rows.add(new DocumentRow(i, required, SubmissionChecks.isOptional(required), draft.document(required.name()).orElse(null), personal));
        }
        return rows;
    }

    /** Every violation at its place: a form field, a required document's upload, an input of the page, or the top. */
    private PageErrors errorsOf(List<Violation> violations, DossierDrafts.Draft draft) {
        PageErrors errors = PageErrors.none();
        Procedure procedure = procedures.find(draft.procedureCode(), SubmissionChecks.today(clock)).orElse(null);
        for (Violation v : violations) {
            String field = v.field();
            if (field.equals("form")) {
                errors.form().add(new FieldError("", v.rule(), v.message()));
            } else if (field.startsWith("form.")) {
                errors.form().add(new FieldError(field.substring(5), v.rule(), v.message()));
            } else if (field.equals("businessTaxCode")) {
                errors.fields().put("applicant-self", v.message());
            } else if (field.equals("agencyCode") || field.equals("deliveryAddress")) {
                errors.fields().put(field, v.message());
            } else if (field.equals("resultDelivery")) {
                errors.fields().put("delivery-ONLINE", v.message());
            } else {
                int index = procedure == null ? -1 : indexOf(procedure, field);
                if (index >= 0) {
                    errors.fields().merge("file-" + index, v.message(), (a, b) -> a + " " + b);
                } else {
                    errors.general().add(v.message());
                }
            }
        }
        return errors;
    }

    private static int indexOf(Procedure procedure, String requiredDocument) {
        for (int i = 0; i < procedure.documents().size(); i++) {
            if (procedure.documents().get(i).name().equals(requiredDocument)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The form as posted, with the pre-filled values for the fields left empty: the citizen gives each piece of data
     * only once. A source that cannot answer leaves the fields as they are.
     */
    private JsonNode prefilled(FormDefinition form, Applicant applicant, Map<String, List<String>> posted) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(posted);
        try {
            filling.prefill(form, applicant).forEach((path, value) -> {
                List<String> current = parameters.get(path);
                if (value != null && (current == null || current.stream().allMatch(String::isBlank))) {
                    parameters.put(path, List.of(String.valueOf(value)));
                }
            });
        } catch (NotARepresentative e) {
            // checked before; the form keeps what was posted
        }
        return filling.fromFormFields(form, parameters);
    }

    private Optional<PersonalDocument> pick(List<DocumentOwner> owners, String id) {
        try {
            UUID uuid = UUID.fromString(id.strip());
            return owners.stream().map(owner -> personalDocuments.find(owner, uuid)).flatMap(Optional::stream).findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private List<DocumentOwner> owners(UUID account, String taxCode) {
        List<DocumentOwner> owners = new ArrayList<>();
        owners.add(DocumentOwner.citizen(account));
        if (taxCode != null && citizens.represents(account, taxCode)) {
            owners.add(DocumentOwner.business(taxCode));
        }
        return owners;
    }

    private static String agencyOf(Procedure procedure, DossierDrafts.Draft draft) {
        if (draft.agencyCode() != null) {
            return draft.agencyCode();
        }
        return procedure.implementingAgencies().size() == 1 ? procedure.implementingAgencies().get(0) : null;
    }

    static boolean onlineOffered(Procedure procedure) {
        return procedure.channels().contains(Channel.ONLINE) && procedure.onlineLevel() != OnlineLevel.NONE;
    }

    private DossierDrafts.Draft own(Authentication authentication, String id) {
        UUID account = account(authentication);
        UUID draftId;
        try {
            draftId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return drafts.find(account, draftId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static UUID account(Authentication authentication) {
        return Citizens.accountIdOf(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        return parameters;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
