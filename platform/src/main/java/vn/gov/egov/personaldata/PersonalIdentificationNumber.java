package vn.gov.egov.personaldata;

import java.time.LocalDate;

/**
 * A personal identification number (số định danh cá nhân, printed on the citizen identity card): 12 digits, namely
 * the 3-digit code of the province where the birth was registered (Lạng Sơn {@code 020}), one digit for sex and
 * century of birth (0/1 male/female born 1900–1999, 2/3 for 2000–2099, 4/5 for 2100–2199), the last two digits of
 * the birth year and a 6-digit sequence. The decree reserves 6–9 for later centuries; they cannot occur yet and are
 * rejected.
 * <p>
 * {@link #toString()} is the masked form, so the number never reaches a log in clear; {@link #value()} is the clear
 * form, to seal it or to send it to a system that is entitled to it.
 *
 * @param value the 12 digits
 */
public record PersonalIdentificationNumber(String value) {

    static final String FIELD = "personalIdentificationNumber";

    public PersonalIdentificationNumber {
        if (value == null || value.isEmpty()) {
            throw new InvalidPersonalData(FIELD, "required", "Số định danh cá nhân là bắt buộc.");
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidPersonalData(FIELD, "digits", "Số định danh cá nhân chỉ gồm các chữ số từ 0 đến 9.");
        }
        if (value.length() != 12) {
            throw new InvalidPersonalData(FIELD, "length",
                    "Số định danh cá nhân phải có đúng 12 chữ số (đã nhập " + value.length() + " chữ số).");
        }
        if (!ProvincesOfBirthRegistration.isKnown(value.substring(0, 3))) {
            throw new InvalidPersonalData(FIELD, "province-code", "Ba chữ số đầu của số định danh cá nhân ("
                    + value.substring(0, 3) + ") không phải mã tỉnh nơi đăng ký khai sinh.");
        }
        if (value.charAt(3) > '5') {
            throw new InvalidPersonalData(FIELD, "sex-century", "Chữ số thứ tư của số định danh cá nhân (mã giới tính"
                    + " và thế kỷ sinh) phải từ 0 đến 5.");
        }
    }

    /** Reads a number as typed: surrounding spaces are ignored, nothing else is. */
    public static PersonalIdentificationNumber of(String text) {
        return new PersonalIdentificationNumber(text == null ? null : text.strip());
    }

    /** The 3-digit code of the province where the birth was registered, e.g. {@code 020}. */
    public String provinceCode() {
        return value.substring(0, 3);
    }

    /** The first year of the century of birth: 1900, 2000 or 2100. */
    public int birthCentury() {
        return 1900 + centuryDigit() / 2 * 100;
    }

    public Sex sex() {
        return centuryDigit() % 2 == 0 ? Sex.MALE : Sex.FEMALE;
    }

    /** The last two digits of the birth year, 0–99. */
    public int birthYearDigits() {
        return Integer.parseInt(value.substring(4, 6));
    }

    public int birthYear() {
        return birthCentury() + birthYearDigits();
    }

    /**
     * Whether the number agrees with a birth date and a sex, each of which may be {@code null} when unknown (then it is
     * not compared).
     */
    public boolean isConsistentWith(LocalDate birthDate, Sex sex) {
        return (birthDate == null || birthDate.getYear() == birthYear()) && (sex == null || sex == sex());
    }

    /** Like {@link #isConsistentWith} but says which part disagrees, for a form. */
    public void requireConsistentWith(LocalDate birthDate, Sex sex) {
        if (birthDate != null && birthDate.getYear() != birthYear()) {
            throw new InvalidPersonalData(FIELD, "birth-year", "Năm sinh " + birthDate.getYear()
                    + " không khớp với số định danh cá nhân (chữ số thứ tư đến thứ sáu mã hóa thế kỷ và năm sinh).");
        }
        if (sex != null && sex != sex()) {
            throw new InvalidPersonalData(FIELD, "sex",
                    "Giới tính không khớp với số định danh cá nhân (chữ số thứ tư mã hóa giới tính).");
        }
    }

    /** The first three and the last three digits: {@code 020******123}. */
    public String masked() {
        return Masking.keepEnds(value, 3, 3);
    }

    @Override
    public String toString() {
        return masked();
    }

    private int centuryDigit() {
        return value.charAt(3) - '0';
    }
}
