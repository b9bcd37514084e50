package vn.gov.egov.result;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the processing of a dossier decided, for {@link Results#issue}: filled by the module that processes dossiers.
 *
 * @param dossierId          the dossier
 * @param dossierCode        its code, printed on the result
 * @param procedureCode      e.g. "1.000001"
 * @param procedureName      the procedure's name
 * @param type               licence, certificate, decision or refusal notice
 * @param agencyCode         the issuing agency, whose key signs
 * @param agencyName         its name, printed in the header
 * @param applicantName      who the result is for, printed; shown masked on the public verification page
 * @param applicantAccountId the applicant's account (the result then goes to their personal document store), or null
 * @param businessTaxCode    the business the dossier was submitted for: the result goes to the business's document store instead
 * @param signer             the leader who signs
 * @param decisionNumber     number and notation, e.g. "15/QĐ-STP" (nullable)
 * @param validFrom          from when it is valid (null: the day it is issued)
 * @param validUntil         until when (null: no end)
 * @param title              e.g. "GIẤY PHÉP …" (null: the type's name)
 * @param bodyLines          paragraphs of text, in order (nullable)
 * @param fields             label/value lines, e.g. from the dossier's form (nullable)
 * @param refusalReasons     for a refusal notice, the reasons (at least one); otherwise empty
 */
public record ResultIssue(UUID dossierId, String dossierCode, String procedureCode, String procedureName, ResultType type,
                          String agencyCode, String agencyName, String applicantName, UUID applicantAccountId, String businessTaxCode,
                          Signer signer, String decisionNumber, LocalDate validFrom, LocalDate validUntil, String title,
                          List<String> bodyLines, List<Field> fields, List<String> refusalReasons) {

    /** The leader who signs: name and title (e.g. "Phó Giám đốc"). */
    public record Signer(String name, String title) {
    }

    /** A label and its value, printed "label: value". */
    public record Field(String label, String value) {
    }

    public ResultIssue {
        bodyLines = bodyLines == null ? List.of() : List.copyOf(bodyLines);
        fields = fields == null ? List.of() : List.copyOf(fields);
        refusalReasons = refusalReasons == null ? List.of() : refusalReasons.stream().filter(r -> r != null && !r.isBlank()).toList();
        List<String> problems = new ArrayList<>();
        required(problems, dossierId, "Mã định danh hồ sơ (dossierId)");
        required(problems, dossierCode, "Mã hồ sơ");
        required(problems, procedureCode, "Mã thủ tục");
        required(problems, procedureName, "Tên thủ tục");
        required(problems, type, "Loại kết quả");
        required(problems, agencyCode, "Mã cơ quan cấp");
        required(problems, agencyName, "Tên cơ quan cấp");
        required(problems, applicantName, "Tên người được cấp");
        if (signer == null || blank(signer.name()) || blank(signer.title())) {
            problems.add("Người ký: bắt buộc có họ tên và chức vụ.");
        }
        if (type == ResultType.REFUSAL_NOTICE && refusalReasons.isEmpty()) {
            problems.add("Lý do từ chối: thông báo từ chối phải nêu ít nhất một lý do.");
        }
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add("Có hiệu lực đến: phải từ ngày có hiệu lực (%s) trở đi.".formatted(validFrom));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
    }

    private static void required(List<String> problems, Object value, String name) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.add(name + ": bắt buộc.");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
