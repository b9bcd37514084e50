package vn.gov.egov.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.attachment.CheckedFile;
import vn.gov.egov.attachment.DocumentOwner;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.attachment.PersonalDocument;
import vn.gov.egov.attachment.PersonalDocumentStore;
import vn.gov.egov.attachment.RejectedFile;
import vn.gov.egov.attachment.StoredFile;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.eform.FieldError;
import vn.gov.egov.eform.FormDefinition;
import vn.gov.egov.eform.FormValidation;
import vn.gov.egov.eform.ProcedureForms;
import vn.gov.egov.procedure.Channel;
import vn.gov.egov.procedure.OnlineLevel;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.Procedures;
import vn.gov.egov.procedure.RequiredDocument;

/**
 * Every check of a submission, before anything is written: all broken rules are collected, so the applicant sees
 * them at once, each naming the field or file and the rule.
 */
@Component
class SubmissionChecks {

    /** A document that passed: a checked new file, or one of the applicant's stored documents. */
    record Attachment(String requiredDocument, CheckedFile file, PersonalDocument personal, StoredFile stored, String fileName) {
    }

    /** A submission that passed every check. */
    record Passed(Procedure procedure, String agencyCode, FormDefinition form, JsonNode filledForm, List<Attachment> attachments) {
    }

    private static final int MAX_DOCUMENTS = 50;

    private final Procedures procedures;
    private final ProcedureForms forms;
    private final FormValidation validation;
    private final DossierFiles files;
    private final PersonalDocumentStore personalDocuments;

    SubmissionChecks(Procedures procedures, ProcedureForms forms, FormValidation validation, DossierFiles files,
                     PersonalDocumentStore personalDocuments) {
        this.procedures = procedures;
        this.forms = forms;
        this.validation = validation;
        this.files = files;
        this.personalDocuments = personalDocuments;
    }

    /** The checks of an online submission (own portal). */
    Passed online(DossierSubmission s, List<DocumentOwner> owners, boolean representsBusiness, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        Procedure procedure = procedure(s.procedureCode(), today, violations);
        if (procedure != null && (!procedure.channels().contains(Channel.ONLINE) || procedure.onlineLevel() == OnlineLevel.NONE)) {
            violations.add(new Violation("procedureCode", "not-online",
                    "Thủ tục '%s' (%s) không cung cấp dịch vụ công trực tuyến; hãy nộp trực tiếp hoặc qua bưu chính"
                            .formatted(procedure.name(), procedure.code())));
        }
        if (s.businessTaxCode() != null && !representsBusiness) {
            violations.add(new Violation("businessTaxCode", "not-representative",
                    "Ông/Bà không phải người đại diện của doanh nghiệp, tổ chức có mã số thuế %s nên không nộp hồ sơ thay được"
                            .formatted(s.businessTaxCode())));
        }
        String agency = procedure == null ? null : agency(procedure, s.agencyCode(), violations);
        FormDefinition form = null;
        if (procedure != null) {
            form = forms.current(procedure.code(), today).orElse(null);
            formViolations(form, s.form(), violations);
        }
        List<Attachment> attachments = attachments(s.documents(), procedure, owners, violations);
        if (procedure != null) {
            requiredDocuments(procedure, form, attachments, violations);
        }
        delivery(s.resultDelivery(), s.deliveryAddress(), violations);
        if (!violations.isEmpty()) {
            throw new SubmissionRefused(violations);
        }
        return new Passed(procedure, agency, form, s.form(), attachments);
    }

    /** The checks of a dossier registered at the desk or delivered by post or the national portal. */
    Passed incoming(IncomingDossier in, LocalDate today, boolean demonstration) {
        List<Violation> violations = new ArrayList<>();
        if (in.channel() == null || (in.channel() == DossierChannel.OWN_PORTAL && !demonstration)) {
            violations.add(new Violation("channel", "required", "Chưa chỉ ra kênh tiếp nhận (trực tiếp, bưu chính, Cổng DVC quốc gia)"));
        }
        Procedure procedure = procedure(in.procedureCode(), today, violations);
        if (procedure != null && in.channel() != null) {
            Channel needed = switch (in.channel()) {
                case IN_PERSON -> Channel.IN_PERSON;
                case BY_POST -> Channel.BY_POST;
                default -> Channel.ONLINE;
            };
            if (!procedure.channels().contains(needed)) {
                violations.add(new Violation("procedureCode", "channel-not-offered",
                        "Thủ tục '%s' không nhận hồ sơ qua kênh %s".formatted(procedure.name(), in.channel().vietnameseName())));
            }
        }
        String agency = procedure == null ? null : agency(procedure, in.agencyCode(), violations);
        if (in.applicantName() == null || in.applicantName().isBlank()) {
            violations.add(new Violation("applicantName", "required", "Chưa có họ và tên người nộp hồ sơ"));
        }
        if (in.personalId() != null && !in.personalId().isBlank()) {
            try {
                vn.gov.egov.personaldata.PersonalIdentificationNumber.of(in.personalId());
            } catch (RuntimeException e) {
                violations.add(new Violation("personalId", "personal-id", "Số định danh cá nhân của người nộp không hợp lệ: " + e.getMessage()));
            }
        }
        FormDefinition form = null;
        if (procedure != null && in.form() != null && !in.form().isNull() && !in.form().isEmpty()) {
            form = forms.current(procedure.code(), today).orElse(null);
            if (form != null) {
                formViolations(form, in.form(), violations);
            }
        }
        List<Attachment> attachments = attachments(in.documents(), procedure, List.of(), violations);
        delivery(in.resultDelivery(), in.deliveryAddress(), violations);
        if (!violations.isEmpty()) {
            throw new SubmissionRefused(violations);
        }
        return new Passed(procedure, agency, form, form == null ? null : in.form(), attachments);
    }

    /** The checks of documents given to complete a dossier. */
    List<Attachment> supplementDocuments(List<AttachedDocument> documents, String procedureCode, LocalDate asOf, List<DocumentOwner> owners) {
        List<Violation> violations = new ArrayList<>();
        Procedure procedure = procedures.find(procedureCode, asOf).orElse(null);
        if (documents.isEmpty()) {
            violations.add(new Violation("documents", "required", "Chưa có giấy tờ nào được bổ sung"));
        }
        List<Attachment> attachments = attachments(documents, procedure, owners, violations);
        if (!violations.isEmpty()) {
            throw new SubmissionRefused(violations);
        }
        return attachments;
    }

    void formViolations(FormDefinition form, JsonNode filled, List<Violation> violations) {
        if (form == null) {
            return;
        }
        if (filled == null || filled.isNull() || !filled.isObject()) {
            violations.add(new Violation("form", "required", "Chưa điền tờ khai \"%s\"".formatted(form.title())));
            return;
        }
        for (FieldError error : validation.validate(form, filled)) {
            violations.add(new Violation(error.path().isEmpty() ? "form" : "form." + error.path(), error.rule(), error.message()));
        }
    }

    private Procedure procedure(String code, LocalDate today, List<Violation> violations) {
        if (code == null || code.isBlank()) {
            violations.add(new Violation("procedureCode", "required", "Chưa chọn thủ tục hành chính"));
            return null;
        }
        Optional<Procedure> procedure = procedures.find(code.strip(), today);
        if (procedure.isEmpty()) {
            violations.add(new Violation("procedureCode", "unknown-procedure",
                    "Không có thủ tục hành chính mã '%s' đang có hiệu lực".formatted(code)));
        }
        return procedure.orElse(null);
    }

    private static String agency(Procedure procedure, String requested, List<Violation> violations) {
        List<String> agencies = procedure.implementingAgencies();
        if (requested == null || requested.isBlank()) {
            if (agencies.size() == 1) {
                return agencies.get(0);
            }
            violations.add(new Violation("agencyCode", "required", "Chưa chọn cơ quan tiếp nhận; thủ tục này do một trong các cơ quan %s thực hiện"
                    .formatted(String.join(", ", agencies))));
            return null;
        }
        if (!agencies.contains(requested.strip())) {
            violations.add(new Violation("agencyCode", "not-implementing", "Cơ quan '%s' không thực hiện thủ tục này; chọn một trong %s"
                    .formatted(requested, String.join(", ", agencies))));
            return null;
        }
        return requested.strip();
    }

    private List<Attachment> attachments(List<AttachedDocument> documents, Procedure procedure, List<DocumentOwner> owners,
                                         List<Violation> violations) {
        List<Attachment> attachments = new ArrayList<>();
        if (documents.size() > MAX_DOCUMENTS) {
            violations.add(new Violation("documents", "too-many", "Một hồ sơ có tối đa %d tệp".formatted(MAX_DOCUMENTS)));
            return attachments;
        }
        for (int i = 0; i < documents.size(); i++) {
            AttachedDocument d = documents.get(i);
            String field = d.requiredDocument() != null ? d.requiredDocument() : "documents[" + i + "]";
            if (d.requiredDocument() != null && procedure != null
                    && procedure.documents().stream().noneMatch(r -> r.name().equals(d.requiredDocument()))) {
                violations.add(new Violation("documents[%d].requiredDocument".formatted(i), "unknown-document",
                        "'%s' không phải thành phần hồ sơ của thủ tục này".formatted(d.requiredDocument())));
                continue;
            }
            if ((d.upload() == null) == (d.personalDocumentId() == null)) {
                violations.add(new Violation(field, "one-source", "Giấy tờ '%s': hãy tải lên một tệp hoặc chọn một giấy tờ trong kho dữ liệu, không cả hai"
                        .formatted(field)));
                continue;
            }
            if (d.upload() != null) {
                try {
                    CheckedFile file = files.check(d.upload());
                    attachments.add(new Attachment(d.requiredDocument(), file, null, null, file.fileName()));
                } catch (RejectedFile e) {
                    violations.add(new Violation(field, e.rule(), e.getMessage()));
                }
            } else {
                Optional<PersonalDocument> found = owners.stream()
                        .map(owner -> personalDocuments.find(owner, d.personalDocumentId())).flatMap(Optional::stream).findFirst();
                Optional<StoredFile> stored = found.flatMap(p -> files.find(p.sha256()));
                if (found.isEmpty() || stored.isEmpty()) {
                    violations.add(new Violation(field, "unknown-personal-document",
                            "Giấy tờ đã chọn không có trong kho dữ liệu điện tử của Ông/Bà"));
                } else {
                    attachments.add(new Attachment(d.requiredDocument(), null, found.get(), stored.get(), found.get().title()));
                }
            }
        }
        return attachments;
    }

    /** Every required document not marked "(nếu có)" and not replaced by the e-form must be given. */
    private static void requiredDocuments(Procedure procedure, FormDefinition form, List<Attachment> attachments, List<Violation> violations) {
        String replacedByForm = form == null ? null : documentReplacedByForm(procedure, form);
        for (RequiredDocument required : procedure.documents()) {
            if (isOptional(required) || required.name().equals(replacedByForm)) {
                continue;
            }
            if (attachments.stream().noneMatch(a -> required.name().equals(a.requiredDocument()))) {
                violations.add(new Violation(required.name(), "required-document",
                        "Thiếu thành phần hồ sơ bắt buộc: %s".formatted(required.name())));
            }
        }
    }

    static boolean isOptional(RequiredDocument document) {
        return document.name().toLowerCase(Locale.ROOT).contains("nếu có");
    }

    /**
     * The required document the e-form stands for: the one named like the form's title, else the first with a form
     * template that is an application (tờ khai, đơn, giấy / văn bản đề nghị).
     */
    static String documentReplacedByForm(Procedure procedure, FormDefinition form) {
        String title = form.title().strip().toLowerCase(Locale.ROOT);
        for (RequiredDocument d : procedure.documents()) {
            if (d.name().strip().toLowerCase(Locale.ROOT).equals(title)) {
                return d.name();
            }
        }
        for (RequiredDocument d : procedure.documents()) {
            String name = d.name().toLowerCase(Locale.ROOT);
            if (d.formTemplate() != null && (name.startsWith("tờ khai") || name.startsWith("đơn") || name.startsWith("giấy đề nghị")
                    || name.startsWith("văn bản đề nghị"))) {
                return d.name();
            }
        }
        return null;
    }

    private static void delivery(ResultDelivery delivery, String address, List<Violation> violations) {
        if (delivery == null) {
            violations.add(new Violation("resultDelivery", "required", "Chưa chọn cách nhận kết quả (trực tuyến, tại Bộ phận Một cửa, qua bưu chính)"));
        } else if (delivery == ResultDelivery.BY_POST && (address == null || address.isBlank())) {
            violations.add(new Violation("deliveryAddress", "required", "Nhận kết quả qua bưu chính cần địa chỉ nhận"));
        } else if (address != null && address.length() > 300) {
            violations.add(new Violation("deliveryAddress", "maxLength", "Địa chỉ nhận kết quả dài quá 300 ký tự"));
        }
    }

    static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
    }

}
