package vn.gov.egov.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.dossier.DossierProgress;

/** The title over the signer's name on a result: the approving leader's title in the deciding agency, else the role's name. */
class SignerTitleTest extends ProcessingTestSupport {

    @Autowired
    ResolvingDossiers resolving;

    @Test
    void theLeadersTitleInTheDecidingAgencyIsPrintedAndTheRoleNameWhenNoneIsRecorded() {
        assertThat(resolving.signerTitle(new DossierProgress.Actor(LEADER, "Hà Thị Duyệt"), AGENCY)).isEqualTo(LEADER_TITLE);
        assertThat(resolving.signerTitle(new DossierProgress.Actor(LEADER, "Hà Thị Duyệt"), "SO-TP"))
                .as("no leader's position in that agency").isEqualTo("Lãnh đạo cơ quan");
        assertThat(resolving.signerTitle(new DossierProgress.Actor(HEAD, "Vi Văn Trưởng"), AGENCY))
                .as("no title recorded").isEqualTo("Lãnh đạo cơ quan");
    }
}
