package vn.gov.egov.processing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierOutcome;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Position;
import vn.gov.egov.identity.Role;
import vn.gov.egov.procedure.Procedure;
import vn.gov.egov.procedure.Procedures;
import vn.gov.egov.result.IssuedResult;
import vn.gov.egov.result.ResultIssue;
import vn.gov.egov.result.ResultType;
import vn.gov.egov.result.Results;
import vn.gov.egov.signing.SigningRefused;

/**
 * The approving step's decision turned into the dossier's resolution: the result (licence, certificate, decision) or
 * the refusal notice is generated, signed with the issuing agency's key by the competent leader and stored
 * (central repository, the applicant's personal document store), then the dossier is resolved with it. A signature
 * that cannot be made (expired or revoked certificate, no key) refuses the decision: nothing is applied.
 */
@Component
class ResolvingDossiers {

    private final DossierProgress progress;
    private final Results results;
    private final Procedures procedures;
    private final SharedCatalogs catalogs;
    private final Officials officials;

    ResolvingDossiers(DossierProgress progress, Results results, Procedures procedures, SharedCatalogs catalogs, Officials officials) {
        this.progress = progress;
        this.results = results;
        this.procedures = procedures;
        this.catalogs = catalogs;
        this.officials = officials;
    }

    void approve(ProcessingStore.ProcessedDossier dossier, DossierProgress.Actor leader, String issuingAgency, String resultTitle,
                 String note) {
        DossierDetail detail = progress.detail(dossier.dossierId()).orElseThrow();
        List<String> body = new ArrayList<>();
        body.add("Căn cứ hồ sơ đề nghị %s của %s (mã hồ sơ %s) và kết quả thẩm định,".formatted(dossier.procedureName(),
                applicant(detail), dossier.code()));
        body.add("%s cấp %s cho %s.".formatted(agencyName(issuingAgency), resultTitle, applicant(detail)));
        if (note != null && !note.isBlank()) {
            body.add(note.strip());
        }
        IssuedResult result = issue(dossier, detail, leader, issuingAgency, typeOf(dossier.procedureCode()), resultTitle, body, List.of());
        String text = "Kết quả: " + resultTitle + (note == null || note.isBlank() ? "" : ". " + note.strip());
        progress.resolve(dossier.dossierId(), leader, DossierOutcome.APPROVED, result.resultId(), text);
    }

    void refuse(ProcessingStore.ProcessedDossier dossier, DossierProgress.Actor leader, String issuingAgency, String reasons) {
        DossierDetail detail = progress.detail(dossier.dossierId()).orElseThrow();
        List<String> body = List.of("Sau khi xem xét hồ sơ đề nghị %s của %s (mã hồ sơ %s), %s không giải quyết với lý do sau:"
                .formatted(dossier.procedureName(), applicant(detail), dossier.code(), agencyName(issuingAgency)));
        IssuedResult result = issue(dossier, detail, leader, issuingAgency, ResultType.REFUSAL_NOTICE,
                "THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ", body, reasons.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        progress.resolve(dossier.dossierId(), leader, DossierOutcome.REFUSED, result.resultId(), "Lý do: " + reasons);
    }

    private IssuedResult issue(ProcessingStore.ProcessedDossier dossier, DossierDetail detail, DossierProgress.Actor leader,
                               String issuingAgency, ResultType type, String title, List<String> body, List<String> reasons) {
        List<ResultIssue.Field> fields = new ArrayList<>();
        fields.add(new ResultIssue.Field("Người được cấp", detail.summary().applicantName()));
        if (detail.summary().businessName() != null) {
            fields.add(new ResultIssue.Field("Tổ chức", detail.summary().businessName()));
        }
        fields.add(new ResultIssue.Field("Thủ tục", dossier.procedureName()));
        fields.add(new ResultIssue.Field("Mã hồ sơ", dossier.code()));
        UUID account = detail.summary().businessName() == null ? accountOf(detail) : null;
        try {
            return results.issue(new ResultIssue(dossier.dossierId(), dossier.code(), dossier.procedureCode(), dossier.procedureName(),
                    type, issuingAgency, agencyName(issuingAgency), detail.summary().applicantName(), account, detail.businessTaxCode(),
                    new ResultIssue.Signer(leader.fullName(), signerTitle(leader, issuingAgency)), null, null, null,
                    title.toUpperCase(Locale.forLanguageTag("vi")), body, fields, reasons));
        } catch (SigningRefused e) {
            throw new TaskRefused(TaskRefused.Reason.CONFLICT, "signing-refused",
                    "Không ký số được kết quả của hồ sơ %s: %s".formatted(dossier.code(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new TaskRefused(TaskRefused.Reason.INVALID, "result-incomplete", e.getMessage());
        }
    }

    /**
     * The title printed over the signer's name (NĐ 30/2020): the approving official's title as leader of the deciding
     * agency ("Phó Giám đốc" prints "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), else the role's name when none is recorded.
     */
    String signerTitle(DossierProgress.Actor leader, String issuingAgency) {
        return officials.byUsername(leader.username()).stream().flatMap(o -> o.positions().stream())
                .filter(p -> p.role() == Role.AGENCY_LEADER && p.agencyCode().equals(issuingAgency))
                .map(Position::title).filter(t -> t != null && !t.isBlank()).map(String::strip).findFirst()
                .orElse(Role.AGENCY_LEADER.vietnameseName());
    }

    private UUID accountOf(DossierDetail detail) {
        return progress.applicantAccount(detail.summary().id()).orElse(null);
    }

    private static String applicant(DossierDetail detail) {
        return detail.summary().businessName() != null ? detail.summary().businessName() : "Ông/Bà " + detail.summary().applicantName();
    }

    /** The procedure's result kind, from the catalog's wording ("Giấy phép…", "Quyết định…", else a certificate). */
    private ResultType typeOf(String procedureCode) {
        String kind = procedures.find(procedureCode, LocalDate.now(WorkingCalendar.ZONE)).map(Procedure::resultType).orElse("")
                .toLowerCase(Locale.forLanguageTag("vi"));
        return kind.startsWith("giấy phép") ? ResultType.LICENCE : kind.startsWith("quyết định") ? ResultType.DECISION : ResultType.CERTIFICATE;
    }

    private String agencyName(String agencyCode) {
        return catalogs.entry("agencies", agencyCode, LocalDate.now(WorkingCalendar.ZONE)).map(CatalogEntry::name).orElse(agencyCode);
    }
}
