package vn.gov.egov.dossier;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A dossier code (mã hồ sơ, Thông tư 01/2018/TT-VPCP): {@code <agency QCVN 102 code>-<YYMMDD>-<NNNN>}, e.g.
 * {@code 000.00.10.H20-251127-0007}. Printed on the receipt and the key for public status look-up.
 * The whole format lives here: if a later circular changes it, this class (and the bound it gives the generator)
 * is the one place to change.
 */
public record DossierCode(String agencyCode, LocalDate date, int sequence) {

    /** Four digits a day per agency; the generator refuses the code after this one. */
    public static final int MAX_SEQUENCE = 9999;

    static final String AGENCY_CODE_RULE = "\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}";
    private static final Pattern AGENCY_CODE = Pattern.compile(AGENCY_CODE_RULE);
    // uuuu, not yyyy: STRICT resolving needs a proleptic year; two-digit years are 2000–2099
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    public DossierCode {
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(date, "date");
        if (!AGENCY_CODE.matcher(agencyCode).matches()) {
            throw new IllegalArgumentException("Mã cơ quan '%s' không đúng mã định danh QCVN 102:2016 (dạng 000.00.00.H00)"
                    .formatted(agencyCode));
        }
        if (date.getYear() < 2000 || date.getYear() > 2099) {
            throw new IllegalArgumentException("Ngày tiếp nhận %s không ghi được bằng 6 chữ số YYMMDD (năm 2000–2099)".formatted(date));
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("Số thứ tự %d ngoài khoảng 0001–%04d trong ngày".formatted(sequence, MAX_SEQUENCE));
        }
    }

    /** Reads a code, naming the rule it breaks: shape, agency code, calendar date or sequence. */
    public static DossierCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Mã hồ sơ trống; mã hồ sơ có dạng <mã cơ quan>-<YYMMDD>-<NNNN>");
        }
        String[] parts = text.strip().split("-", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Mã hồ sơ '%s' không đúng dạng <mã cơ quan>-<YYMMDD>-<NNNN> (ba phần nối bằng dấu '-')"
                    .formatted(text));
        }
        if (!AGENCY_CODE.matcher(parts[0]).matches()) {
            throw new IllegalArgumentException("Mã hồ sơ '%s': mã cơ quan '%s' không đúng mã định danh QCVN 102:2016 (dạng 000.00.00.H00)"
                    .formatted(text, parts[0]));
        }
        if (!SIX_DIGITS.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("Mã hồ sơ '%s': ngày tiếp nhận '%s' phải gồm 6 chữ số YYMMDD".formatted(text, parts[1]));
        }
        LocalDate date;
        try {
            date = LocalDate.parse("20" + parts[1], YYYYMMDD);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Mã hồ sơ '%s': ngày tiếp nhận '%s' không phải ngày có thật (YYMMDD)".formatted(text, parts[1]));
        }
        if (!FOUR_DIGITS.matcher(parts[2]).matches()) {
            throw new IllegalArgumentException("Mã hồ sơ '%s': số thứ tự '%s' phải gồm 4 chữ số".formatted(text, parts[2]));
        }
        int sequence = Integer.parseInt(parts[2]);
        if (sequence < 1) {
            throw new IllegalArgumentException("Mã hồ sơ '%s': số thứ tự phải từ 0001 đến %04d".formatted(text, MAX_SEQUENCE));
        }
        return new DossierCode(parts[0], date, sequence);
    }

    @Override
    public String toString() {
        // by hand: the code is printed on every page, event and log line (String.format showed in the profile)
        StringBuilder code = new StringBuilder(agencyCode.length() + 12).append(agencyCode).append('-');
        twoDigits(code, date.getYear() % 100);
        twoDigits(code, date.getMonthValue());
        twoDigits(code, date.getDayOfMonth());
        code.append('-');
        twoDigits(code, sequence / 100);
        twoDigits(code, sequence % 100);
        return code.toString();
    }

    private static void twoDigits(StringBuilder code, int value) {
        code.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
