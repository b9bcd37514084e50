package vn.gov.egov.personaldata;

/**
 * A Vietnamese phone number in its national form: a mobile number has 10 digits (0 and a 3x, 5x, 7x, 8x or 9x
 * prefix), a fixed-line number 11 (0, a 2xx area code such as Lạng Sơn's 205, and the subscriber number; every
 * fixed-line number has had 11 digits since the 2017 area-code change). Typed spaces, dots, dashes and brackets are
 * dropped and {@code +84}/{@code 0084} becomes {@code 0}. Special numbers (1800/1900 …) are not personal numbers and
 * are refused.
 * <p>
 * {@link #toString()} is the masked form {@code 091****678}.
 *
 * @param value the national form, e.g. {@code 0912345678}
 */
public record PhoneNumber(String value) {

    static final String FIELD = "phoneNumber";

    public PhoneNumber {
        if (value == null || value.isEmpty()) {
            throw new InvalidPersonalData(FIELD, "required", "Số điện thoại là bắt buộc.");
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidPersonalData(FIELD, "digits", "Số điện thoại chỉ gồm các chữ số (có thể viết +84 ở đầu).");
        }
        char kind = value.length() > 1 ? value.charAt(1) : ' ';
        boolean mobile = "35789".indexOf(kind) >= 0;
        if (value.charAt(0) != '0' || !(mobile || kind == '2')) {
            throw new InvalidPersonalData(FIELD, "prefix", "Số điện thoại phải bắt đầu bằng 0 (hoặc +84), tiếp theo là"
                    + " đầu số di động 3, 5, 7, 8, 9 hoặc mã vùng điện thoại cố định 2.");
        }
        if (mobile && value.length() != 10) {
            throw new InvalidPersonalData(FIELD, "length", "Số điện thoại di động phải có đúng 10 chữ số, kể cả số 0 ở đầu.");
        }
        if (!mobile && value.length() != 11) {
            throw new InvalidPersonalData(FIELD, "length",
                    "Số điện thoại cố định phải có đúng 11 chữ số: số 0, mã vùng (ví dụ 205) và số thuê bao.");
        }
    }

    /** Reads a number as typed: {@code 091 234 5678}, {@code 0912.345.678}, {@code +84 912 345 678}, {@code (0205) 3812345}. */
    public static PhoneNumber of(String text) {
        if (text == null) {
            return new PhoneNumber(null);
        }
        String compact = text.strip().replaceAll("[\\s.()\\-]", "");
        if (compact.startsWith("+84")) {
            compact = "0" + compact.substring(3);
        } else if (compact.startsWith("0084")) {
            compact = "0" + compact.substring(4);
        }
        if (compact.startsWith("00")) {
            compact = compact.substring(1); // "+84 (0) 912 …": the national 0 written after the country code
        }
        return new PhoneNumber(compact);
    }

    public boolean isMobile() {
        return value.charAt(1) != '2';
    }

    /** The E.164 form for SMS gateways: {@code +84912345678}. */
    public String international() {
        return "+84" + value.substring(1);
    }

    /** The first three and the last three digits: {@code 091****678}. */
    public String masked() {
        return Masking.keepEnds(value, 3, 3);
    }

    @Override
    public String toString() {
        return masked();
    }
}
