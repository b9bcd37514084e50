package vn.gov.egov.personaldata;

import java.util.Set;

/**
 * The province codes that open a personal identification number: the province where the birth was registered, as
 * its 2-digit GSO code with a leading zero (Lạng Sơn {@code 020}). These are the 63 provinces before the 2025 merger;
 * the 34 merged provinces kept one of their members' codes, and numbers already issued never change, so the list
 * stays valid. The codes between 001 and 096 that no province ever had (003, 005, 028 …) are rejected.
 */
final class ProvincesOfBirthRegistration {

    private static final Set<Integer> CODES = Set.of(
            1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42,
            44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86,
            87, 89, 91, 92, 93, 94, 95, 96);

    private ProvincesOfBirthRegistration() {
    }

    static boolean isKnown(String threeDigits) {
        return threeDigits.charAt(0) == '0' && CODES.contains(Integer.parseInt(threeDigits.substring(1)));
    }

    static int count() {
        return CODES.size();
    }
}
