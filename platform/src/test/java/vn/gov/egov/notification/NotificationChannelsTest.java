package vn.gov.egov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.DossierTestSupport;
import vn.gov.egov.dossier.Dossiers;
import vn.gov.egov.personaldata.PersonalDataProtection;

/** The SMS gateway's answers as the adapter reads them, and channels without configuration recorded as SKIPPED. */
class NotificationChannelsTest extends DossierTestSupport {

    @Autowired
    NotificationStore store;

    @Autowired
    PersonalDataProtection protection;

    @Autowired
    NotificationSettings settings;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MessageTemplates templates;

    @Autowired
    Dossiers dossiers;

    @Autowired
    vn.gov.egov.dossier.DossierProgress progress;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private SmsCarrier gateway(String key) {
        return new SmsCarrier("http://127.0.0.1:" + simulatorPort() + "/sms", key, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void theGatewayTakesAVietnameseTextAndRefusesABadNumberForGoodOrABadKeyForNow() {
        String reference = "adapter-" + UUID.randomUUID();
        assertThat(gateway("sms-simulator-key").send("0983999002", null, "Hồ sơ đã được tiếp nhận", reference)).isNotBlank();

        assertThatThrownBy(() -> gateway("sms-simulator-key").send("0205381234", null, "Hồ sơ", reference))
                .isInstanceOfSatisfying(DeliveryFailed.class, failure -> {
                    assertThat(failure.permanent()).as("a number the gateway refuses is not tried again").isTrue();
                    assertThat(failure.getMessage()).contains("mã 400").contains("trường to").doesNotContain("0205381234");
                });
        assertThatThrownBy(() -> gateway("wrong-key").send("0983999002", null, "Hồ sơ", reference))
                .isInstanceOfSatisfying(DeliveryFailed.class, failure -> {
                    assertThat(failure.permanent()).as("a key can be corrected: tried again").isFalse();
                    assertThat(failure.getMessage()).contains("mã 401").contains("egov.national.sms.api-key");
                });
        assertThatThrownBy(() -> new SmsCarrier("http://127.0.0.1:9/sms", "k", Duration.ofMillis(500), Duration.ofSeconds(1))
                .send("0983999002", null, "Hồ sơ", reference))
                .isInstanceOfSatisfying(DeliveryFailed.class, failure -> assertThat(failure.permanent()).isFalse());
    }

    @Test
    void aBatchGoesInOneRequestAndTheGatewaysRefusalOfOneMessageIsNamedForThatMessageOnly() {
        String reference = "adapter-batch-" + UUID.randomUUID();
        List<Carrier.Outcome> outcomes = gateway("sms-simulator-key").send(List.of(
                new Carrier.Outgoing("0983999041", null, "Hồ sơ thứ nhất", reference),
                new Carrier.Outgoing("0205381234", null, "Hồ sơ thứ hai", reference),
                new Carrier.Outgoing("0983999043", null, "Hồ sơ thứ ba", reference)));
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0).failure()).isNull();
        assertThat(outcomes.get(0).providerId()).startsWith("sms-");
        assertThat(outcomes.get(2).providerId()).startsWith("sms-").isNotEqualTo(outcomes.get(0).providerId());
        assertThat(outcomes.get(1).providerId()).isNull();
        assertThat(outcomes.get(1).failure().permanent()).isTrue();
        assertThat(outcomes.get(1).failure().getMessage()).contains("mã 400").contains("trường to").doesNotContain("0205381234");

        List<Carrier.Outcome> wrongKey = gateway("wrong-key").send(List.of(new Carrier.Outgoing("0983999041", null, "x", reference),
                new Carrier.Outgoing("0983999043", null, "y", reference)));
        assertThat(wrongKey).as("a refusal of the whole request is every message's, for now").allSatisfy(o -> {
            assertThat(o.failure().permanent()).isFalse();
            assertThat(o.failure().getMessage()).contains("mã 401");
        });
    }

    @Test
    void withoutMailServerOrGatewayKeyTheNotificationsAreRecordedAsSkippedWithTheReason() throws Exception {
        String code = submitOnline(citizenToken(CITIZEN), "skipped-" + UUID.randomUUID());
        StaticListableBeanFactory noBeans = new StaticListableBeanFactory();
        List<Carrier> unconfigured = List.of(new EmailCarrier(noBeans.getBeanProvider(JavaMailSender.class), settings),
                new SmsCarrier("http://127.0.0.1:" + simulatorPort() + "/sms", "", Duration.ofSeconds(1), Duration.ofSeconds(1)));
        SendingNotifications sending = new SendingNotifications(store, protection, settings, transactions, unconfigured, meters);
        NotifyingApplicants applicants = new NotifyingApplicants(dossiers, progress, templates, store, sending, protection);
        DossierStatusChanged withdrawn = new DossierStatusChanged(UUID.randomUUID(), code, PROCEDURE, "Cấp phiếu lý lịch tư pháp", "SO-TP",
                DossierChannel.OWN_PORTAL, DossierStatus.WITHDRAWN, DossierStatus.SUBMITTED, "WITHDRAWN", Instant.now(), null, null, null,
                "Người nộp rút hồ sơ: nộp nhầm thủ tục");

        double skippedBefore = meters.counter("egov.notifications", "channel", "SMS", "outcome", "skipped").count();
        assertThat(applicants.notify(withdrawn)).as("nothing to send").isEmpty();
        assertThat(meters.counter("egov.notifications", "channel", "SMS", "outcome", "skipped").count()).isEqualTo(skippedBefore + 1);

        List<NotificationRow> rows = store.latest(NotificationStatus.SKIPPED, code, 10);
        assertThat(rows).extracting(NotificationRow::channel).containsExactlyInAnyOrder(NotificationChannel.EMAIL, NotificationChannel.SMS);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.eventAction()).isEqualTo("WITHDRAWN");
            assertThat(row.attempts()).isZero();
            assertThat(row.nextAttemptAt()).isNull();
        });
        assertThat(rows).extracting(NotificationRow::lastError).anySatisfy(e -> assertThat(e).contains("spring.mail.host"))
                .anySatisfy(e -> assertThat(e).contains("egov.national.sms.api-key"));
        NotificationRow email = rows.stream().filter(r -> r.channel() == NotificationChannel.EMAIL).findFirst().orElseThrow();
        assertThat(protection.open(NotificationStore.BODY, email.bodySealed())).contains("Lý do: nộp nhầm thủ tục")
                .doesNotContain("Người nộp rút hồ sơ:");
        assertThat(protection.open(NotificationStore.RECIPIENT, email.recipientSealed())).isEqualTo(NotificationTest.EMAIL);
    }
}
