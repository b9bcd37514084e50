package vn.gov.egov.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;

/**
 * The one generator of dossier codes. If a later circular widens the sequence or changes the format, change
 * {@link DossierCode} and this class; nothing else builds a code.
 */
@Service
class IssuingDossierCodes implements DossierCodes {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String AGENCIES = "agencies";
    static final String QCVN102_CODE = "qcvn102_code";

    private final SharedCatalogs catalogs;
    private final DossierCodeCounter counter;
    private final TransactionTemplate ownTransaction;

    IssuingDossierCodes(SharedCatalogs catalogs, DossierCodeCounter counter, PlatformTransactionManager transactions) {
        this.catalogs = catalogs;
        this.counter = counter;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public DossierCode next(String agencyCatalogCode, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // its own transaction would need a second connection while the caller's holds one: with as many such callers
            // as the pool has connections, each waits for another's, and the pool times all of them out
            throw new IllegalStateException("A dossier code is taken before the dossier's transaction, not inside one");
        }
        // the reception day in Vietnam decides both the YYMMDD and when the counter restarts
        LocalDate day = receivedAt.atZone(VIETNAM).toLocalDate();
        String agencyCode = qcvn102Code(agencyCatalogCode, day);
        // Own transaction, committed before the caller continues: if the caller rolls back, this number is lost
        // (a gap, which the format allows) but it can never be handed out a second time. Taking it in the caller's
        // transaction would also hold the counter row locked until the caller commits, serialising all receptions
        // of the agency that day.
        int sequence = ownTransaction.execute(status -> counter.take(agencyCode, day, DossierCode.MAX_SEQUENCE))
                .orElseThrow(() -> new DailyDossierCodesExhausted(agencyCode, day));
        return new DossierCode(agencyCode, day, sequence);
    }

    /** The counter is keyed by the QCVN 102 code, not the catalog code: it is the printed code that must be unique. */
    private String qcvn102Code(String agencyCatalogCode, LocalDate day) {
        if (agencyCatalogCode == null || agencyCatalogCode.isBlank()) {
            throw new IllegalArgumentException("Chưa chỉ ra cơ quan tiếp nhận hồ sơ");
        }
        CatalogEntry agency = catalogs.entry(AGENCIES, agencyCatalogCode, day)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Không có cơ quan mã '%s' trong danh mục cơ quan, đơn vị vào ngày %s; không cấp được mã hồ sơ"
                                .formatted(agencyCatalogCode, day)));
        String code = agency.attribute(QCVN102_CODE);
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("Cơ quan '%s' (%s) chưa có mã định danh QCVN 102:2016 vào ngày %s; không cấp được mã hồ sơ"
                    .formatted(agencyCatalogCode, agency.name(), day));
        }
        return code;
    }
}
