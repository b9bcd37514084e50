package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A demonstration data directory made before positions had titles: at the next start the demonstration leaders get
 * their titles, and nothing an administrator did is overwritten.
 */
class DemoOfficialTitlesTest extends OfficialsTestSupport {

    @Test
    void aDemonstrationLeaderWithoutTitleGetsItAndAnAdministratorsChoicesStay() {
        DemoOfficials demo = new DemoOfficials(accounts, login, passwords, null);
        DemoOfficials.DemoOfficial leader = new DemoOfficials.DemoOfficial("t-demo-old-leader", "Lãnh đạo cũ", Role.AGENCY_LEADER,
                "SO-TP", "Giám đốc");
        UUID old = accounts.create(leader.username(), leader.fullName(), null, "x", login.sealTotpSecret(leader.username(), SECRET), "demo", "SO-TP", false);
        accounts.grant(old, new Position(Role.AGENCY_LEADER, "SO-TP", null), "demo");
        accounts.grant(old, new Position(Role.AGENCY_LEADER, "SO-XD", null), "admin");

        DemoOfficials.DemoOfficial retitled = new DemoOfficials.DemoOfficial("t-demo-retitled", "Lãnh đạo đã đổi", Role.AGENCY_LEADER,
                "SO-TP", "Giám đốc");
        UUID kept = accounts.create(retitled.username(), retitled.fullName(), null, "x", login.sealTotpSecret(retitled.username(), SECRET), "demo", "SO-TP", false);
        accounts.grant(kept, new Position(Role.AGENCY_LEADER, "SO-TP", null, "Phó Giám đốc"), "demo");

        assertThat(demo.titleMissing(old, leader)).isTrue();
        assertThat(demo.titleMissing(old, leader)).as("once only").isFalse();
        assertThat(demo.titleMissing(kept, retitled)).isFalse();

        assertThat(accounts.positions(old)).containsExactlyInAnyOrder(new Position(Role.AGENCY_LEADER, "SO-TP", null, "Giám đốc"),
                new Position(Role.AGENCY_LEADER, "SO-XD", null));
        assertThat(accounts.positions(kept)).containsExactly(new Position(Role.AGENCY_LEADER, "SO-TP", null, "Phó Giám đốc"));
    }
}
