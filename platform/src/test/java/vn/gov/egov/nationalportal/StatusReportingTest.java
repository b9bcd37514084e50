package vn.gov.egov.nationalportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;

/** What a status report says (how it is queued and sent: {@link StatusReportBatchesTest}). */
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
        assertThat(PortalSchedule.off("-")).isTrue();
        assertThat(PortalSchedule.off("PT1M")).isFalse();
    }
}
