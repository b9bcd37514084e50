package vn.gov.egov.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.gov.egov.dossier.MissingItem;

class SupplementRowsTest {

    @Test
    void everyFilledRowIsAskedForInOrderAndEmptyRowsAreNot() {
        assertThat(ProcessingPages.missing(new String[] {" Bản vẽ mặt bằng ", "", "Giấy phép, bản sao"},
                new String[] {"Thiếu chỉ giới", "", " Hết hạn, cần bản mới "}))
                .containsExactly(new MissingItem("Bản vẽ mặt bằng", "Thiếu chỉ giới"), new MissingItem("Giấy phép, bản sao", "Hết hạn, cần bản mới"));
    }

    @Test
    void aReasonWithoutItsPaperIsKeptSoThatItIsRefusedNotLost() {
        assertThat(ProcessingPages.missing(new String[] {"", "Sổ đỏ"}, new String[] {"Mờ", null}))
                .containsExactly(new MissingItem("", "Mờ"), new MissingItem("Sổ đỏ", ""));
        assertThat(ProcessingPages.missing(null, null)).isEmpty();
    }
}
