package vn.gov.egov.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostalAddressTest {

    private final PostalAddress townAddress =
            PostalAddress.of("Số 12 đường Trần Đăng Ninh", "Phường Tam Thanh", "Tỉnh Lạng Sơn");

    @Test
    void theStreetPartIsMaskedAndTheAdministrativeUnitsStay() {
        assertThat(townAddress.formatted()).isEqualTo("Số 12 đường Trần Đăng Ninh, Phường Tam Thanh, Tỉnh Lạng Sơn");
        assertThat(townAddress.masked()).isEqualTo("***, Phường Tam Thanh, Tỉnh Lạng Sơn");
        assertThat(townAddress).hasToString("***, Phường Tam Thanh, Tỉnh Lạng Sơn");
    }

    @Test
    void aHamletIsMaskedLikeAStreet() {
        PostalAddress rural = PostalAddress.of("Thôn Bản Cưởm", "Xã Đồng Đăng", "Tỉnh Lạng Sơn");

        assertThat(rural.masked()).isEqualTo("***, Xã Đồng Đăng, Tỉnh Lạng Sơn").doesNotContain("Cưởm");
    }

    @Test
    void anAddressBeforeJuly2025KeepsItsDistrict() {
        PostalAddress old = new PostalAddress("Số 5 ngõ 2 đường Bà Triệu", "Phường Vĩnh Trại", "Thành phố Lạng Sơn",
                "Tỉnh Lạng Sơn");

        assertThat(old.formatted())
                .isEqualTo("Số 5 ngõ 2 đường Bà Triệu, Phường Vĩnh Trại, Thành phố Lạng Sơn, Tỉnh Lạng Sơn");
        assertThat(old.masked()).isEqualTo("***, Phường Vĩnh Trại, Thành phố Lạng Sơn, Tỉnh Lạng Sơn");
    }

    @Test
    void anAddressWithoutStreetShowsNoMask() {
        PostalAddress communeOnly = PostalAddress.of("  ", "Xã Đình Lập", "Tỉnh Lạng Sơn");

        assertThat(communeOnly.street()).isNull();
        assertThat(communeOnly.masked()).isEqualTo("Xã Đình Lập, Tỉnh Lạng Sơn");
    }

    @Test
    void spacesAreTidied() {
        assertThat(PostalAddress.of(" Số 12   đường\tTrần Đăng Ninh ", "Phường Tam Thanh ", " Tỉnh Lạng Sơn").formatted())
                .isEqualTo("Số 12 đường Trần Đăng Ninh, Phường Tam Thanh, Tỉnh Lạng Sơn");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null   | Tỉnh Lạng Sơn | postalAddress.commune  | required",
            "' '    | Tỉnh Lạng Sơn | postalAddress.commune  | required",
            "Xã Na Sầm | null       | postalAddress.province | required",
    })
    void communeAndProvinceAreRequired(String commune, String province, String field, String rule) {
        assertThatThrownBy(() -> PostalAddress.of("Số 1", commune, province))
                .isInstanceOfSatisfying(InvalidPersonalData.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }

    @Test
    void overlongPartsAreRefused() {
        assertThatThrownBy(() -> PostalAddress.of("x".repeat(201), "Xã Na Sầm", "Tỉnh Lạng Sơn"))
                .isInstanceOfSatisfying(InvalidPersonalData.class, e -> {
                    assertThat(e.field()).isEqualTo("postalAddress.street");
                    assertThat(e.rule()).isEqualTo("length");
                    assertThat(e.getMessage()).isEqualTo("Số nhà, đường, thôn, tổ dân phố dài quá 200 ký tự.");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Số 12 đường Trần Đăng Ninh, Phường Tam Thanh, Tỉnh Lạng Sơn | ***, Phường Tam Thanh, Tỉnh Lạng Sơn",
            // pre-2025, four parts: the commune is masked too, which errs on the safe side
            "Số 5 Bà Triệu, P. Vĩnh Trại, TP Lạng Sơn, Lạng Sơn          | ***, TP Lạng Sơn, Lạng Sơn",
            "Thôn Bản Cưởm, Lạng Sơn                                     | ***, Lạng Sơn",
            "Số 12 đường Trần Đăng Ninh                                  | ***",
    })
    void anAddressKnownOnlyAsOneLineKeepsAtMostItsLastTwoParts(String line, String masked) {
        assertThat(PostalAddress.maskLine(line)).isEqualTo(masked);
    }
}
