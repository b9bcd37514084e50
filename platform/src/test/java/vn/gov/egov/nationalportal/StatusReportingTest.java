package vn.gov.egov.nationalportal;

import vn.gov.egov.DirectConnections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;

/**
 * What a status report says, and how a failure is handled: an unreachable portal makes the listener throw (the event
 * publication stays incomplete and is resubmitted); a report the portal refuses as wrong is not retried.
 */
class StatusReportingTest extends PlatformTest {

    private static DossierStatusChanged received(DossierChannel channel, String reference, String procedureCode) {
        return new DossierStatusChanged(UUID.randomUUID(), "SO-TP-261127-0042", procedureCode, "Cấp Phiếu lý lịch tư pháp", "SO-TP",
                channel, DossierStatus.RECEIVED, DossierStatus.SUBMITTED, "RECEIVED", Instant.parse("2026-11-27T03:00:00Z"),
                LocalDate.of(2026, 12, 11), reference, null, "Tiếp nhận hồ sơ");
    }

    @Test
    void aReportCarriesThePortalsIdOnlyForItsOwnDossiers() {
        Map<String, Object> portal = StatusReporting.report(received(DossierChannel.NATIONAL_PORTAL, "G22.99-261127-000001", "1.000001"));
        assertThat(portal).containsEntry("portalDossierId", "G22.99-261127-000001").containsEntry("channel", 2).containsEntry("status", 2)
                .containsEntry("appointmentDate", "2026-12-11").containsEntry("statusText", "Đã tiếp nhận")
                .containsEntry("at", "2026-11-27T03:00:00Z");
        Map<String, Object> post = StatusReporting.report(received(DossierChannel.BY_POST, "EB260000001VN", "1.000001"));
        assertThat(post).doesNotContainKey("portalDossierId").containsEntry("channel", 3);
        assertThat(StatusReporting.report(received(DossierChannel.IN_PERSON, null, "1.000001"))).containsEntry("channel", 1);
    }

    @Test
    void anUnreachablePortalFailsTheListenerSoThatTheReportIsResubmitted() {
        StatusReporting unreachable = new StatusReporting(new NationalPortalClient(DirectConnections.to("http://127.0.0.1:9"), Duration.ofMillis(500), Duration.ofSeconds(1)));
        assertThatThrownBy(() -> unreachable.on(received(DossierChannel.IN_PERSON, null, "1.000001")))
                .isInstanceOf(ResourceAccessException.class);
    }

    @Test
    void aReportThePortalRefusesAsWrongIsNotRetried() {
        StatusReporting reporting = new StatusReporting(new NationalPortalClient(
                DirectConnections.to("http://127.0.0.1:" + simulatorPort() + "/national-portal"), Duration.ofSeconds(2), Duration.ofSeconds(5)));
        // the simulator refuses a procedure code with spaces (400): logged, not thrown
        reporting.on(received(DossierChannel.IN_PERSON, null, "mã sai"));
        assertThat(PortalSchedule.off("-")).isTrue();
        assertThat(PortalSchedule.off("PT1M")).isFalse();
    }
}
