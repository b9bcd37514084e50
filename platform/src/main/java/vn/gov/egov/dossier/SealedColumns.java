package vn.gov.egov.dossier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.personaldata.SealedColumn;
import vn.gov.egov.personaldata.SealedColumn.KeyType;
import vn.gov.egov.personaldata.SealedValueStore;

/** The module's sealed columns (dossiers and drafts), registered so that a key rotation reseals them too. */
@Configuration(proxyBeanMethods = false)
class SealedColumns {

    @Bean
    SealedValueStore dossierDraftForms(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "dossier_draft", "id", KeyType.UUID, "form_sealed", DossierDrafts.FORM);
    }

    @Bean
    SealedValueStore dossierDraftDeliveryAddresses(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "dossier_draft", "id", KeyType.UUID, "delivery_address_sealed", DossierDrafts.DELIVERY_ADDRESS);
    }

    @Bean
    SealedValueStore dossierForms(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "dossier", "id", KeyType.UUID, "form_sealed", DossierWriting.FORM);
    }

    @Bean
    SealedValueStore dossierApplicantIds(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "dossier", "id", KeyType.UUID, "applicant_id_sealed", DossierWriting.APPLICANT_ID);
    }

    @Bean
    SealedValueStore dossierApplicantPhones(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "dossier", "id", KeyType.UUID, "applicant_phone_sealed", DossierWriting.APPLICANT_PHONE);
    }

    @Bean
    SealedValueStore dossierApplicantAddresses(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "dossier", "id", KeyType.UUID, "applicant_address_sealed", DossierWriting.APPLICANT_ADDRESS);
    }

    @Bean
    SealedValueStore dossierDeliveryAddresses(JdbcClient jdbc) {
        return SealedColumn.of(jdbc, "dossier", "id", KeyType.UUID, "delivery_address_sealed", DossierWriting.DELIVERY_ADDRESS);
    }
}
