package vn.gov.egov.dossier;

import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.SealedValue;
import vn.gov.egov.personaldata.SealedValueStore;

/** The drafts' sealed columns, registered so that a key rotation reseals them too. */
@Configuration(proxyBeanMethods = false)
class DraftSealedColumns {

    @Bean
    SealedValueStore dossierDraftForms(JdbcClient jdbc) {
        return new Column(jdbc, DossierDrafts.FORM, "form_sealed");
    }

    @Bean
    SealedValueStore dossierDraftDeliveryAddresses(JdbcClient jdbc) {
        return new Column(jdbc, DossierDrafts.DELIVERY_ADDRESS, "delivery_address_sealed");
    }

    /** One sealed column of dossier_draft; {@code column} is one of this class's constants, never input. */
    record Column(JdbcClient jdbc, String purpose, String column) implements SealedValueStore {

        @Override
        public List<SealedValue> batchNotSealedWith(String activeKeyId, String afterId, int limit) {
            return jdbc.sql("""
                    select id, %1$s from dossier_draft
                     where %1$s is not null and not starts_with(%1$s, :prefix) and (cast(:after as uuid) is null or id > cast(:after as uuid))
                     order by id limit :limit""".formatted(column))
                    .param("prefix", PersonalDataProtection.sealedPrefix(activeKeyId)).param("after", afterId).param("limit", limit)
                    .query((rs, n) -> new SealedValue(rs.getObject("id", UUID.class).toString(), rs.getString(column))).list();
        }

        @Override
        public boolean replace(SealedValue current, String resealed) {
            return jdbc.sql("update dossier_draft set %1$s = :resealed where id = :id and %1$s = :current".formatted(column))
                    .param("resealed", resealed).param("id", UUID.fromString(current.id())).param("current", current.sealed())
                    .update() == 1;
        }
    }
}
