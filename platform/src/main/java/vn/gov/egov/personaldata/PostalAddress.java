package vn.gov.egov.personaldata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A postal address in Việt Nam. Since 1 July 2025 an address has two administrative levels (commune, province);
 * an older one also has a district, which is kept as it was on its date.
 * <p>
 * Masking rule: the administrative units stay readable, because an officer needs them to route a dossier and they
 * are shared by thousands of people; the street part (house number, lane, street, hamlet or residential group) is
 * replaced by {@code ***} as a whole, so that neither its words nor its length show. In a rural commune a hamlet
 * name (thôn, bản) narrows a person down to a few dozen households, which is why it is masked with the street.
 * {@link #toString()} is the masked form.
 *
 * @param street   house number, lane, street, hamlet or residential group; may be {@code null} (then the address
 *                 ends at the commune, as many rural addresses do)
 * @param commune  commune, ward or special zone (xã, phường, đặc khu; before July 2025 also thị trấn), as written
 * @param district district-level unit for an address dated before 1 July 2025, otherwise {@code null}
 * @param province province or centrally-run city
 */
public record PostalAddress(String street, String commune, String district, String province) {

    static final String MASK = "***";
    private static final int MAX_STREET = 200;
    private static final int MAX_UNIT = 100;

    public PostalAddress {
        street = tidy(street);
        commune = tidy(commune);
        district = tidy(district);
        province = tidy(province);
        require(commune, "commune", "Địa chỉ phải có xã, phường hoặc đặc khu.");
        require(province, "province", "Địa chỉ phải có tỉnh hoặc thành phố trực thuộc trung ương.");
        limit(street, "street", MAX_STREET, "Số nhà, đường, thôn, tổ dân phố");
        limit(commune, "commune", MAX_UNIT, "Tên xã, phường");
        limit(district, "district", MAX_UNIT, "Tên huyện, quận, thị xã, thành phố");
        limit(province, "province", MAX_UNIT, "Tên tỉnh, thành phố");
    }

    /** An address after the 2025 reorganisation: street (may be {@code null}), commune, province. */
    public static PostalAddress of(String street, String commune, String province) {
        return new PostalAddress(street, commune, null, province);
    }

    /** The whole address on one line, as printed on a letter: street, commune[, district], province. */
    public String formatted() {
        return join(street);
    }

    /** {@code ***, Phường Tam Thanh, Tỉnh Lạng Sơn}: the street part masked, the administrative units kept. */
    public String masked() {
        return join(street == null ? null : MASK);
    }

    @Override
    public String toString() {
        return masked();
    }

    /**
     * Masks an address that is only known as one line of text (an imported or legacy record): at most the last two
     * comma-separated parts are kept as the administrative units, and at least the first part becomes {@code ***}.
     * For a pre-2025 address that keeps district and province and masks the commune too, which errs on the safe
     * side; a line without commas is masked completely.
     */
    public static String maskLine(String line) {
        if (line == null || line.isBlank()) {
            return line;
        }
        List<String> parts = Arrays.stream(line.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        List<String> kept = new ArrayList<>(3);
        kept.add(MASK);
        kept.addAll(parts.subList(Math.max(1, parts.size() - 2), parts.size()));
        return String.join(", ", kept);
    }

    private String join(String first) {
        List<String> parts = new ArrayList<>(4);
        for (String part : new String[] {first, commune, district, province}) {
            if (part != null) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }

    private static String tidy(String text) {
        if (text == null) {
            return null;
        }
        String tidied = text.strip().replaceAll("\\s+", " ");
        return tidied.isEmpty() ? null : tidied;
    }

    private static void require(String text, String part, String message) {
        if (text == null) {
            throw new InvalidPersonalData("postalAddress." + part, "required", message);
        }
    }

    private static void limit(String text, String part, int max, String label) {
        if (text != null && text.length() > max) {
            throw new InvalidPersonalData("postalAddress." + part, "length",
                    label + " dài quá " + max + " ký tự.");
        }
    }
}
