package vn.gov.national.simulator.vnpost;

import java.util.regex.Pattern;

/**
 * A UPU S10 postal item number: 2 letters of service, 8 digits of serial, 1 check digit, 2 letters of country
 * ({@code EB123456785VN}). Check digit: weights 8 6 4 2 3 5 9 7, 11 − (sum mod 11), with 10 → 0 and 11 → 5.
 */
final class ItemNumber {

    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}\\d{9}[A-Z]{2}");

    private ItemNumber() {
    }

    static String of(String service, int serial, String country) {
        String digits = "%08d".formatted(serial);
        if (digits.length() != 8) {
            throw new IllegalArgumentException("an S10 serial has 8 digits");
        }
        return service + digits + checkDigit(digits) + country;
    }

    static int checkDigit(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 0 : check == 11 ? 5 : check;
    }

    static boolean isValid(String itemNumber) {
        return itemNumber != null && SHAPE.matcher(itemNumber).matches()
                && checkDigit(itemNumber.substring(2, 10)) == itemNumber.charAt(10) - '0';
    }
}
