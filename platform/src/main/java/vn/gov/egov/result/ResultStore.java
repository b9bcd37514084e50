package vn.gov.egov.result;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.SealedColumn;
import vn.gov.egov.personaldata.SealedValueStore;

/** The result_document table. */
@Component
class ResultStore {

    static final String HOLDER_NAME = "result.document.holder_name";

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    ResultStore(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    void insert(UUID id, ResultIssue issue, String title, String sha256, Instant issuedAt, String issuedBy) {
        jdbc.sql("""
                insert into result_document (id, dossier_id, dossier_code, procedure_code, procedure_name, type, title,
                    decision_number, agency_code, agency_name, holder_masked, holder_name_sealed, applicant_account_id,
                    signer_name, signer_title, sha256, valid_from, valid_until, issued_at, issued_by)
                values (:id, :dossierId, :dossierCode, :procedureCode, :procedureName, :type, :title, :decisionNumber,
                    :agencyCode, :agencyName, :holderMasked, :holderSealed, :accountId, :signerName, :signerTitle, :sha256,
                    :validFrom, :validUntil, :issuedAt, :issuedBy)""")
                .param("id", id).param("dossierId", issue.dossierId()).param("dossierCode", issue.dossierCode())
                .param("procedureCode", issue.procedureCode()).param("procedureName", issue.procedureName())
                .param("type", issue.type().name()).param("title", title).param("decisionNumber", issue.decisionNumber())
                .param("agencyCode", issue.agencyCode()).param("agencyName", issue.agencyName())
                .param("holderMasked", HolderName.masked(issue.applicantName()))
                .param("holderSealed", protection.seal(HOLDER_NAME, issue.applicantName()))
                .param("accountId", issue.applicantAccountId())
                .param("signerName", issue.signer().name()).param("signerTitle", issue.signer().title())
                .param("sha256", sha256).param("validFrom", issue.validFrom()).param("validUntil", issue.validUntil())
                .param("issuedAt", Timestamp.from(issuedAt)).param("issuedBy", issuedBy)
                .update();
    }

    boolean revoke(UUID id, String reason, String by, Instant at) {
        return jdbc.sql("""
                update result_document set revoked_at = :at, revoked_by = :by, revocation_reason = :reason
                 where id = :id and revoked_at is null""")
                .param("at", Timestamp.from(at)).param("by", by).param("reason", reason).param("id", id).update() == 1;
    }

    Optional<ResultDocument> find(UUID id) {
        return jdbc.sql("select * from result_document where id = :id").param("id", id).query(ResultStore::row).optional();
    }

    List<ResultDocument> ofDossier(UUID dossierId) {
        return jdbc.sql("select * from result_document where dossier_id = :id order by issued_at desc").param("id", dossierId)
                .query(ResultStore::row).list();
    }

    /** The result whose signed PDF has this hash, if the platform issued one. */
    Optional<ResultDocument> bySha256(String sha256) {
        return jdbc.sql("select * from result_document where sha256 = :sha order by issued_at desc limit 1").param("sha", sha256)
                .query(ResultStore::row).optional();
    }

    private static ResultDocument row(ResultSet rs, int n) throws SQLException {
        return new ResultDocument(rs.getObject("id", UUID.class), rs.getObject("dossier_id", UUID.class),
                rs.getString("dossier_code"), rs.getString("procedure_code"), rs.getString("procedure_name"),
                ResultType.valueOf(rs.getString("type")), rs.getString("title"), rs.getString("decision_number"),
                rs.getString("agency_code"), rs.getString("agency_name"), rs.getString("holder_masked"),
                rs.getString("signer_name"), rs.getString("signer_title"), rs.getString("sha256"),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getObject("valid_from", java.time.LocalDate.class), rs.getObject("valid_until", java.time.LocalDate.class),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                rs.getString("revoked_by"), rs.getString("revocation_reason"));
    }

    /** The sealed holder names, registered so that a key rotation reseals them too. */
    @Configuration(proxyBeanMethods = false)
    static class SealedColumns {

        @Bean
        SealedValueStore resultHolderNames(JdbcClient jdbc) {
            return SealedColumn.of(jdbc, "result_document", "id", SealedColumn.KeyType.UUID, "holder_name_sealed", HOLDER_NAME);
        }
    }
}
