package vn.gov.egov.personaldata;

/**
 * A tax code (mã số thuế) of an organisation: 10 digits, or for a dependent unit (branch, representative office)
 * the 10 digits of its parent, a dash and 3 digits. Individuals use their personal identification number instead.
 * <p>
 * The tenth digit is checked: {@code 10 − (Σ wᵢ·dᵢ mod 11)} over the first nine digits with weights
 * 31, 29, 23, 19, 17, 13, 7, 5, 3. The official text that defines it could not be read offline; this is the rule
 * invoicing and accounting software apply (python-stdnum's {@code vn.mst} too), and real codes such as 0100109106
 * and 0300588569 satisfy it. A nine-digit sum that leaves remainder 0 would need "10", so no valid code has it.
 * An all-zero sequence (digits 3–9) and the dependent-unit number 000 are refused as well.
 * <p>
 * {@link #toString()} is masked like the other identifiers (a 10-digit code may be an individual's old tax code).
 *
 * @param value {@code 0100109106} or {@code 0100109106-001}
 */
public record TaxCode(String value) {

    static final String FIELD = "taxCode";
    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    public TaxCode {
        if (value == null || value.isEmpty()) {
            throw new InvalidPersonalData(FIELD, "required", "Mã số thuế là bắt buộc.");
        }
        if (!value.matches("\\d{10}(-\\d{3})?")) {
            throw new InvalidPersonalData(FIELD, "format", "Mã số thuế gồm 10 chữ số, hoặc với đơn vị phụ thuộc là 10 chữ"
                    + " số, dấu gạch ngang và 3 chữ số (ví dụ 0100109106-001). Cá nhân dùng số định danh cá nhân.");
        }
        if (value.startsWith("0000000", 2)) {
            throw new InvalidPersonalData(FIELD, "sequence", "Chữ số thứ ba đến thứ chín của mã số thuế không thể đều là 0.");
        }
        if (value.endsWith("-000")) {
            throw new InvalidPersonalData(FIELD, "dependent-unit", "Số thứ tự đơn vị phụ thuộc phải từ 001 đến 999.");
        }
        if (value.charAt(9) - '0' != checkDigit(value)) {
            throw new InvalidPersonalData(FIELD, "check-digit",
                    "Chữ số thứ mười (chữ số kiểm tra) của mã số thuế không đúng: có thể đã gõ nhầm một chữ số.");
        }
    }

    /** Reads a code as typed: spaces and dots are dropped ({@code 0100 109 106 - 001}). */
    public static TaxCode of(String text) {
        return new TaxCode(text == null ? null : text.replaceAll("[\\s.]", ""));
    }

    public boolean isDependentUnit() {
        return value.length() > 10;
    }

    /** The organisation itself: this code without the dependent-unit suffix. */
    public TaxCode organisation() {
        return isDependentUnit() ? new TaxCode(value.substring(0, 10)) : this;
    }

    /** The first three and the last three characters: {@code 010****106}, {@code 010*******001}. */
    public String masked() {
        return Masking.keepEnds(value, 3, 3);
    }

    @Override
    public String toString() {
        return masked();
    }

    /** The expected tenth digit, or -1 when the first nine digits admit none. */
    private static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        int check = 10 - sum % 11;
        return check == 10 ? -1 : check;
    }
}
