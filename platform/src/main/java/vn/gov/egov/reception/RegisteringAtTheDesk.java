package vn.gov.egov.reception;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.dossier.AttachedDocument;
import vn.gov.egov.dossier.DossierActionRefused;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.Dossiers;
import vn.gov.egov.dossier.IncomingDossier;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.eform.FieldError;
import vn.gov.egov.eform.FormDefinition;
import vn.gov.egov.eform.FormFilling;
import vn.gov.egov.eform.ProcedureForms;
import vn.gov.egov.identity.Official;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.personaldata.InvalidPersonalData;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;
import vn.gov.egov.population.PopulationDatabase;
import vn.gov.egov.population.PopulationDatabaseUnavailable;
import vn.gov.egov.population.Resident;
import vn.gov.egov.procedure.Channel;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.ProcedureQuery;
import vn.gov.egov.procedure.ProcedureSummary;
import vn.gov.egov.procedure.Procedures;
import vn.gov.egov.procedure.RequiredDocument;

/**
 * Registering a dossier brought to the desk: the applicant looked up in the national population database by personal
 * id (or typed from their papers), the procedure among those the officer's agencies receive in person, the form if
 * the procedure has one, the scanned papers per required document, how to deliver the result.
 */
@Controller
@RequestMapping("/reception/new")
class RegisteringAtTheDesk {

    /** What the officer typed, echoed back on the page. */
    record Applicant(String personalId, String applicantName, String birthDate, String address, String phoneNumber,
                     String email) {

        static Applicant empty() {
            return new Applicant("", "", "", "", "", "");
        }
    }

    /** The outcome of a look-up, shown beside the personal id: {@code found}, {@code not-found}, {@code unavailable}, {@code invalid}. */
    record LookUp(String outcome, String message) {
    }

    record Agency(String code, String name) {
    }

    private final DossierReception reception;
    private final Procedures procedures;
    private final ProcedureForms forms;
    private final FormFilling formFilling;
    private final PopulationDatabase population;
    private final Officials officials;
    private final SharedCatalogs catalogs;

    RegisteringAtTheDesk(DossierReception reception, Procedures procedures, ProcedureForms forms, FormFilling formFilling,
                         PopulationDatabase population, Officials officials, SharedCatalogs catalogs) {
        this.reception = reception;
        this.procedures = procedures;
        this.forms = forms;
        this.formFilling = formFilling;
        this.population = population;
        this.officials = officials;
        this.catalogs = catalogs;
    }

    @GetMapping
    String page(Authentication officer, @RequestParam(required = false) String procedureCode,
                @RequestParam(required = false) String agencyCode, Model model) {
        return page(officer, procedureCode, agencyCode, Applicant.empty(), null, null, Map.of(), List.of(), model);
    }

    /** The look-up alone (htmx): the applicant's fields, filled from the national population database. */
    @PostMapping("/resident")
    String lookUp(Authentication officer, @RequestParam(defaultValue = "") String personalId,
                  @RequestParam(required = false) String agencyCode, Model model) {
        Applicant typed = new Applicant(personalId, "", "", "", "", "");
        LookUpResult result = lookUp(officer, typed, agencyCode);
        model.addAttribute("applicant", result.applicant());
        model.addAttribute("lookUp", result.lookUp());
        model.addAttribute("errors", Map.of());
        return "reception/applicant :: applicant";
    }

    @PostMapping
    String register(Authentication officer, MultipartHttpServletRequest request, @RequestParam(defaultValue = "register") String action,
                    Model model, RedirectAttributes redirect) {
        String procedureCode = param(request, "procedureCode");
        String agencyCode = param(request, "agencyCode");
        Applicant applicant = new Applicant(param(request, "personalId"), param(request, "applicantName"), param(request, "birthDate"),
                param(request, "address"), param(request, "phoneNumber"), param(request, "applicantEmail"));
        String delivery = param(request, "resultDelivery");
        String deliveryAddress = param(request, "deliveryAddress");
        Optional<Procedure> procedure = procedure(procedureCode);
        Optional<FormDefinition> form = procedure.flatMap(p -> forms.current(p.code(), today()));
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> parameters.put(k, Arrays.asList(v)));
        JsonNode filled = form.map(f -> formFilling.fromFormFields(f, parameters)).filter(RegisteringAtTheDesk::typedInto).orElse(null);
        model.addAttribute("resultDelivery", delivery);
        model.addAttribute("deliveryAddress", deliveryAddress);

        if (action.equals("lookup")) {
            LookUpResult result = lookUp(officer, applicant, agencyCode);
            return page(officer, procedureCode, agencyCode, result.applicant(), result.lookUp(), filled, Map.of(), List.of(), model);
        }

        Map<String, String> errors = new LinkedHashMap<>();
        List<AttachedDocument> documents = new ArrayList<>();
        if (procedure.isEmpty()) {
            errors.put("procedureCode", "Thủ tục hành chính: hãy chọn thủ tục người nộp yêu cầu.");
        } else {
            List<RequiredDocument> required = procedure.get().documents();
            for (int i = 0; i <= required.size(); i++) {
                String name = i < required.size() ? required.get(i).name() : null;
                for (MultipartFile file : request.getFiles("doc-" + i)) {
                    ReceptionPages.upload(file, name == null ? "Giấy tờ khác" : name)
                            .ifPresent(u -> documents.add(AttachedDocument.uploaded(name, u)));
                }
            }
        }
        if (applicant.applicantName().isBlank()) {
            errors.put("applicantName", "Họ và tên người nộp: bắt buộc nhập (tra cứu theo số định danh hoặc nhập theo giấy tờ).");
        }
        String personalId = null;
        if (!applicant.personalId().isBlank()) {
            try {
                personalId = PersonalIdentificationNumber.of(applicant.personalId()).value();
            } catch (InvalidPersonalData e) {
                errors.put("personalId", e.getMessage());
            }
        }
        ResultDelivery resultDelivery = null;
        try {
            resultDelivery = delivery.isBlank() ? null : ResultDelivery.valueOf(delivery);
        } catch (IllegalArgumentException e) {
            resultDelivery = null;
        }
        if (resultDelivery == null) {
            errors.put("resultDelivery-AT_DESK", "Hình thức nhận kết quả: hãy chọn một hình thức.");
        } else if (resultDelivery == ResultDelivery.BY_POST && deliveryAddress.isBlank()) {
            errors.put("deliveryAddress", "Địa chỉ nhận kết quả: bắt buộc khi nhận kết quả qua bưu chính.");
        }
        List<FieldError> formErrors = List.of();
        if (errors.isEmpty()) {
            try {
                Dossiers.Submitted registered = reception.register(new IncomingDossier(DossierChannel.IN_PERSON, null,
                        procedure.get().code(), blankToNull(agencyCode), null, applicant.applicantName().strip(), personalId,
                        blankToNull(applicant.phoneNumber()), blankToNull(applicant.email()), blankToNull(applicant.address()), null, null,
                        filled, documents, resultDelivery, blankToNull(deliveryAddress), officer.getName(), null));
                redirect.addFlashAttribute("done", "Đã đăng ký hồ sơ %s; hồ sơ đang chờ tiếp nhận.".formatted(registered.code()));
                return "redirect:/reception/dossiers/" + registered.code();
            } catch (SubmissionRefused e) {
                List<FieldError> fromForm = new ArrayList<>();
                e.violations().forEach(v -> {
                    if (v.field() != null && v.field().startsWith("form.")) {
                        fromForm.add(new FieldError(v.field().substring(5), v.rule(), v.message()));
                    } else {
                        errors.merge(fieldId(v.field(), procedure.get()), v.message(), (a, b) -> a + " " + b);
                    }
                });
                formErrors = fromForm;
            } catch (DossierActionRefused e) {
                errors.put("agencyCode", e.getMessage());
            }
        }
        return page(officer, procedureCode, agencyCode, applicant, null, filled, errors, formErrors, model);
    }

    /** Where a violation of the dossier module is shown on this page. */
    private static String fieldId(String field, Procedure procedure) {
        if (field == null) {
            return "procedureCode";
        }
        for (int i = 0; i < procedure.documents().size(); i++) {
            if (field.equals(procedure.documents().get(i).name())) {
                return "doc-" + i;
            }
        }
        return switch (field) {
            case "procedureCode", "channel" -> "procedureCode";
            case "agencyCode" -> "agencyCode";
            case "applicantName" -> "applicantName";
            case "personalId" -> "personalId";
            case "phoneNumber" -> "phoneNumber";
            case "email" -> "applicantEmail";
            case "address" -> "address";
            case "deliveryAddress" -> "deliveryAddress";
            case "resultDelivery" -> "resultDelivery-AT_DESK";
            case "form" -> "eform-errors";
            default -> field.startsWith("documents") ? "doc-" + procedure.documents().size() : "procedureCode";
        };
    }

    private record LookUpResult(Applicant applicant, LookUp lookUp) {
    }

    private LookUpResult lookUp(Authentication officer, Applicant typed, String agencyCode) {
        PersonalIdentificationNumber id;
        try {
            id = PersonalIdentificationNumber.of(typed.personalId());
        } catch (InvalidPersonalData e) {
            return new LookUpResult(typed, new LookUp("invalid", e.getMessage()));
        }
        String agency = agencyCode != null && !agencyCode.isBlank() ? agencyCode : agencies(officer).stream().findFirst()
                .map(Agency::code).orElse("");
        try {
            Optional<Resident> found = population.find(id, agency);
            if (found.isEmpty()) {
                return new LookUpResult(typed, new LookUp("not-found", "Không tìm thấy số định danh này trong Cơ sở dữ liệu quốc gia về dân cư."
                        + " Hãy kiểm tra lại số, hoặc nhập thông tin theo giấy tờ người nộp xuất trình."));
            }
            Resident r = found.get();
            return new LookUpResult(new Applicant(id.value(), r.fullName(), r.birthDate() == null ? "" : r.birthDate().toString(),
                    r.permanentAddress() == null ? "" : r.permanentAddress().line(),
                    r.phoneNumber() == null ? typed.phoneNumber() : r.phoneNumber(), r.email() == null ? typed.email() : r.email()),
                    new LookUp("found", "Đã điền họ tên, ngày sinh và nơi thường trú theo Cơ sở dữ liệu quốc gia về dân cư."));
        } catch (PopulationDatabaseUnavailable e) {
            return new LookUpResult(typed, new LookUp("unavailable", e.getMessage() + " Có thể nhập thông tin theo giấy tờ người nộp xuất trình."));
        }
    }

    private String page(Authentication officer, String procedureCode, String agencyCode, Applicant applicant, LookUp lookUp,
                        JsonNode filled, Map<String, String> errors, List<FieldError> formErrors, Model model) {
        List<Agency> agencies = agencies(officer);
        model.addAttribute("agencies", agencies);
        model.addAttribute("procedures", inPersonProcedures(agencies));
        Optional<Procedure> procedure = procedure(procedureCode);
        model.addAttribute("procedureCode", procedureCode == null ? "" : procedureCode);
        model.addAttribute("procedure", procedure.orElse(null));
        model.addAttribute("agencyCode", agencyCode != null && !agencyCode.isBlank() ? agencyCode
                : agencies.stream().findFirst().map(Agency::code).orElse(""));
        model.addAttribute("form", procedure.flatMap(p -> forms.current(p.code(), today())).orElse(null));
        model.addAttribute("values", filled);
        model.addAttribute("formErrors", formErrors);
        model.addAttribute("applicant", applicant);
        model.addAttribute("lookUp", lookUp);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("resultDelivery")) {
            model.addAttribute("resultDelivery", "AT_DESK");
            model.addAttribute("deliveryAddress", "");
        }
        model.addAttribute("deliveries", ResultDelivery.values());
        return "reception/new";
    }

    /** The agencies where the officer holds a one-stop officer's position, with their names. */
    private List<Agency> agencies(Authentication officer) {
        LocalDate today = today();
        return officials.byUsername(officer.getName()).map(Official::positions).orElse(List.of()).stream()
                .filter(p -> p.role() == Role.ONE_STOP_OFFICER).map(Position::agencyCode).distinct()
                .map(code -> new Agency(code, catalogs.entry("agencies", code, today).map(CatalogEntry::name).orElse(code)))
                .toList();
    }

    /** The procedures the officer's agencies receive in person, by name. */
    private List<ProcedureSummary> inPersonProcedures(List<Agency> agencies) {
        Map<String, ProcedureSummary> found = new LinkedHashMap<>();
        for (Agency agency : agencies) {
            procedures.search(new ProcedureQuery(today(), null, null, agency.code(), null, Channel.IN_PERSON, 0, ProcedureQuery.MAX_PAGE_SIZE))
                    .items().forEach(p -> found.putIfAbsent(p.code(), p));
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(ProcedureSummary::name)).toList();
    }

    private Optional<Procedure> procedure(String code) {
        return code == null || code.isBlank() ? Optional.empty() : procedures.find(code.strip(), today());
    }

    private static LocalDate today() {
        return LocalDate.now(WorkingCalendar.ZONE);
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    /** Whether the officer typed anything into the form (an unticked box alone is not a filled form). */
    static boolean typedInto(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isContainer()) {
            for (JsonNode child : node) {
                if (typedInto(child)) {
                    return true;
                }
            }
            return false;
        }
        return !node.asString().isBlank();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
