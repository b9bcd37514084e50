package vn.gov.egov.eform;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.procedure.Procedures;

/**
 * The province administrator publishes a new version of a procedure's form: the old versions stay, and a dossier
 * keeps the version it was filled with. Every publication is in the audit trail.
 */
@Service
class PublishingForms {

    static final int MAX_SCHEMA_CHARACTERS = 200_000;

    private final Forms forms;
    private final Procedures procedures;
    private final AuditTrail audit;

    PublishingForms(Forms forms, Procedures procedures, AuditTrail audit) {
        this.forms = forms;
        this.procedures = procedures;
        this.audit = audit;
    }

    /** What is wrong with a publication, by field ({@code schema}, {@code validFrom}, {@code procedure}); empty when nothing. */
    static final class Refused extends RuntimeException {

        private final Map<String, String> errors;

        Refused(Map<String, String> errors) {
            super(String.join(" ", errors.values()));
            this.errors = Map.copyOf(errors);
        }

        Map<String, String> errors() {
            return errors;
        }
    }

    boolean knownProcedure(String code) {
        return !procedures.versions(code).isEmpty() || !forms.versions(code).isEmpty();
    }

    /**
     * @throws Refused naming the field and the rule
     */
    @Transactional
    FormDefinition publish(String procedureCode, LocalDate validFrom, JsonNode schema, String publishedBy) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!knownProcedure(procedureCode)) {
            errors.put("procedure", "Thủ tục '" + procedureCode + "' không có trong danh mục thủ tục hành chính.");
        }
        if (validFrom == null) {
            errors.put("validFrom", "Ngày áp dụng là bắt buộc (định dạng năm-tháng-ngày).");
        } else if (validFrom.isBefore(LocalDate.now(Forms.VIETNAM))) {
            errors.put("validFrom", "Ngày áp dụng không được trước hôm nay: hồ sơ đã nộp giữ phiên bản biểu mẫu đã dùng.");
        }
        try {
            FormSchemaCheck.check(schema);
        } catch (InvalidFormSchema e) {
            errors.put("schema", "Biểu mẫu chưa hợp lệ – " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        FormDefinition form = forms.publish(procedureCode, validFrom, schema, publishedBy);
        audit.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("eform", procedureCode + "/v" + form.version())
                .detail("procedureCode", procedureCode).detail("version", form.version()).detail("validFrom", validFrom)
                .detail("title", form.title()).fromCurrentRequest().build());
        return form;
    }

    /** Procedures with a form: the latest version of each. */
    List<FormDefinition> latestForms() {
        return forms.latestVersions();
    }
}
