package vn.gov.egov.dossier;

import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.SealedValue;
import vn.gov.egov.personaldata.SealedValueStore;

/** The module's sealed columns (dossiers and drafts), registered so that a key rotation reseals them too. */
@Configuration(proxyBeanMethods = false)
class SealedColumns {

    @Bean
    SealedValueStore dossierDraftForms(JdbcClient jdbc) {
        return new Column(jdbc, "dossier_draft", DossierDrafts.FORM, "form_sealed");
    }

    @Bean
    SealedValueStore dossierDraftDeliveryAddresses(JdbcClient jdbc) {
        return new Column(jdbc, "dossier_draft", DossierDrafts.DELIVERY_ADDRESS, "delivery_address_sealed");
    }

    @Bean
    SealedValueStore dossierForms(JdbcClient jdbc) {
        return new Column(jdbc, "dossier", DossierWriting.FORM, "form_sealed");
    }

    @Bean
    SealedValueStore dossierApplicantIds(JdbcClient jdbc) {
        return new Column(jdbc, "dossier", DossierWriting.APPLICANT_ID, "applicant_id_sealed");
    }

    @Bean
    SealedValueStore dossierApplicantPhones(JdbcClient jdbc) {
        return new Column(jdbc, "dossier", DossierWriting.APPLICANT_PHONE, "applicant_phone_sealed");
    }

    @Bean
    SealedValueStore dossierApplicantAddresses(JdbcClient jdbc) {
        return new Column(jdbc, "dossier", DossierWriting.APPLICANT_ADDRESS, "applicant_address_sealed");
    }

    @Bean
    SealedValueStore dossierDeliveryAddresses(JdbcClient jdbc) {
        return new Column(jdbc, "dossier", DossierWriting.DELIVERY_ADDRESS, "delivery_address_sealed");
    }

    /** One sealed column of a table keyed by a uuid {@code id}; {@code table} and {@code column} are this class's constants, never input. */
    record Column(JdbcClient jdbc, String table, String purpose, String column) implements SealedValueStore {

        @Override
        public List<SealedValue> batchNotSealedWith(String activeKeyId, String afterId, int limit) {
            return jdbc.sql("""
                    select id, %1$s from %2$s
                     where %1$s is not null and not starts_with(%1$s, :prefix) and (cast(:after as uuid) is null or id > cast(:after as uuid))
                     order by id limit :limit""".formatted(column, table))
                    .param("prefix", PersonalDataProtection.sealedPrefix(activeKeyId)).param("after", afterId).param("limit", limit)
                    .query((rs, n) -> new SealedValue(rs.getObject("id", UUID.class).toString(), rs.getString(column))).list();
        }

        @Override
        public boolean replace(SealedValue current, String resealed) {
            return jdbc.sql("update %2$s set %1$s = :resealed where id = :id and %1$s = :current".formatted(column, table))
                    .param("resealed", resealed).param("id", UUID.fromString(current.id())).param("current", current.sealed())
                    .update() == 1;
        }
    }
}
