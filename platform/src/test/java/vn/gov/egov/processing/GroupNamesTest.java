package vn.gov.egov.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Candidate groups in words on the officers' pages and the control sheet, names from the agencies catalog. */
class GroupNamesTest extends ProcessingTestSupport {

    @Autowired
    GroupNames names;

    @Test
    void aGroupIsNamedByItsRoleAndItsAgencyAndUnit() {
        assertThat(names.of("SPECIALIST@" + AGENCY)).isEqualTo("Chuyên viên – Sở Xây dựng");
        assertThat(names.of("DIVISION_HEAD@" + AGENCY + "/PHONG-QLXD")).as("a unit the catalog does not know keeps its code")
                .isEqualTo("Lãnh đạo phòng – PHONG-QLXD, Sở Xây dựng");
        assertThat(names.of("reviewers")).as("not a ROLE@agency group").isEqualTo("reviewers");
        assertThat(names.of(null)).isEmpty();
    }
}
