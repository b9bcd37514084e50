package vn.gov.egov.reception;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.dossier.DossierActionRefused;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.dossier.UnknownDossier;
import vn.gov.egov.dossier.Violation;
import vn.gov.egov.identity.Official;
import vn.gov.egov.identity.Officials;
import vn.gov.egov.identity.Role;
import vn.gov.egov.personaldata.InvalidPersonalData;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;
import vn.gov.egov.personaldata.SealedColumn;
import vn.gov.egov.personaldata.SealedColumn.KeyType;
import vn.gov.egov.personaldata.SealedValueStore;

/**
 * The desk returns a result in person (trả kết quả tại Bộ phận Một cửa): to the applicant or to a person they
 * authorised, whose personal identification number is kept sealed here and only masked in the dossier's timeline.
 * Only a one-stop officer of the dossier's receiving agency may, and only a resolved dossier.
 */
@Component
class ReturningResults {

    static final String PROXY_ID = "reception.reception_handover.proxy_personal_id";
    static final int MAX_NAME = 100;
    static final int MAX_RELATION = 100;

    /** To whom the result is handed: the applicant, or an authorised person with their number and relation. */
    record HandOver(String recipientName, boolean proxy, String proxyPersonalId, String relation) {
    }

    /** What the return recorded. */
    record Returned(String code, String handedTo, Instant at) {
    }

    private final DossierReception reception;
    private final DossierProgress progress;
    private final Officials officials;
    private final ResultsToReturn results;
    private final PersonalDataProtection protection;
    private final TransactionTemplate transaction;

    ReturningResults(DossierReception reception, DossierProgress progress, Officials officials, ResultsToReturn results,
                     PersonalDataProtection protection, PlatformTransactionManager transactions) {
        this.reception = reception;
        this.progress = progress;
        this.officials = officials;
        this.results = results;
        this.protection = protection;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The agencies (and units) where the official holds a one-stop officer's position. */
    Set<String> desksOf(String username) {
        Set<String> desks = new LinkedHashSet<>();
        officials.byUsername(username).map(Official::positions).orElse(List.of()).stream()
                .filter(p -> p.role() == Role.ONE_STOP_OFFICER).forEach(p -> {
                    desks.add(p.agencyCode());
                    if (p.unitCode() != null) {
                        desks.add(p.unitCode());
                    }
                });
        return desks;
    }

    List<ResultsToReturn.Waiting> waiting(String officer, int limit) {
        return results.waiting(desksOf(officer), Math.max(1, Math.min(limit, 500)));
    }

    /**
     * A resolved dossier of one of the officer's agencies.
     *
     * @throws UnknownDossier        when there is no such dossier
     * @throws DossierActionRefused  {@code not-permitted} when it belongs to another agency, {@code wrong-status} when not resolved
     */
    DossierDetail returnable(String officer, String code) {
        DossierDetail detail = visible(officer, code);
        if (detail.summary().status() != DossierStatus.RESOLVED) {
            throw new DossierActionRefused("wrong-status", "Hồ sơ %s đang ở trạng thái \"%s\": chỉ trả kết quả được khi hồ sơ đã có kết quả"
                    .formatted(detail.summary().code(), detail.summary().status().vietnameseName()));
        }
        return detail;
    }

    DossierDetail visible(String officer, String code) {
        String wanted = code == null ? "" : code.strip();
        Optional<DossierDetail> detail = reception.forOfficer(officer, wanted);
        if (detail.isEmpty()) {
            if (progress.detail(wanted).isPresent()) {
                throw new DossierActionRefused("not-permitted",
                        "Cán bộ %s không có vị trí cán bộ một cửa của cơ quan tiếp nhận hồ sơ %s nên không trả kết quả được".formatted(officer, wanted));
            }
            throw new UnknownDossier(wanted);
        }
        return detail.get();
    }

    /** Checks to whom, then records the return at the desk and the hand-over, in one transaction. */
    Returned handOver(String officer, String code, HandOver handOver) {
        DossierDetail detail = returnable(officer, code);
        List<Violation> violations = new ArrayList<>();
        String name = strip(handOver.recipientName());
        if (name.isEmpty()) {
            violations.add(new Violation("recipientName", "required", "Người nhận kết quả: bắt buộc ghi họ và tên người nhận"));
        } else if (name.length() > MAX_NAME) {
            violations.add(new Violation("recipientName", "too-long", "Người nhận kết quả: tối đa %d ký tự".formatted(MAX_NAME)));
        }
        PersonalIdentificationNumber proxyId = null;
        String relation = strip(handOver.relation());
        if (handOver.proxy()) {
            try {
                proxyId = PersonalIdentificationNumber.of(strip(handOver.proxyPersonalId()));
            } catch (InvalidPersonalData e) {
                violations.add(new Violation("proxyPersonalId", "personal-id", "Số định danh cá nhân của người được ủy quyền: " + e.getMessage()));
            }
            if (relation.isEmpty()) {
                violations.add(new Violation("relation", "required",
                        "Quan hệ với người nộp hồ sơ: bắt buộc khi người khác nhận thay (ví dụ: con, vợ/chồng, người được ủy quyền)"));
            } else if (relation.length() > MAX_RELATION) {
                violations.add(new Violation("relation", "too-long", "Quan hệ với người nộp hồ sơ: tối đa %d ký tự".formatted(MAX_RELATION)));
            }
        }
        if (!violations.isEmpty()) {
            throw new SubmissionRefused(violations);
        }
        String handedTo = handOver.proxy()
                ? "%s, số định danh %s (%s, nhận thay người nộp hồ sơ)".formatted(name, proxyId.masked(), relation)
                : "%s (người nộp hồ sơ)".formatted(name);
        String fullName = officials.byUsername(officer).map(Official::fullName).orElse(officer);
        String sealedId = proxyId == null ? null : protection.seal(PROXY_ID, proxyId.value());
        String dossierCode = detail.summary().code();
        transaction.executeWithoutResult(status -> {
            progress.returnResult(detail.summary().id(), new DossierProgress.Actor(officer, fullName), ResultDelivery.AT_DESK, handedTo);
            results.handedOver(detail.summary().id(), dossierCode, name, handOver.proxy(), sealedId,
                    handOver.proxy() ? relation : null, officer, Instant.now());
        });
        Instant at = progress.clock(detail.summary().id()).map(DossierProgress.Clock::returnedAt).orElse(Instant.now());
        results.returned(detail.summary().id(), dossierCode, at);
        return new Returned(dossierCode, handedTo, at);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** The proxies' sealed personal identification numbers, registered so that a key rotation reseals them too. */
    @Configuration(proxyBeanMethods = false)
    static class SealedColumns {

        @Bean
        SealedValueStore receptionProxyIds(JdbcClient jdbc) {
            return SealedColumn.of(jdbc, "reception_handover", "dossier_id", KeyType.UUID,
                    "proxy_personal_id_sealed", PROXY_ID);
        }
    }
}
