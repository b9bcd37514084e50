package vn.gov.egov.printing;

/**
 * A signature block, e.g. "NGƯỜI TIẾP NHẬN", "(Ký, ghi rõ họ tên)", "Nguyễn Văn A". Note and name are nullable; the
 * role may hold several lines ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC").
 *
 * @param signatureField when not null, an empty PDF signature field of that name is placed in the space between the
 *                       role and the name, where a digital signature is then drawn visibly (see
 *                       {@link #signedDigitally}); null for papers signed by hand
 */
public record Signature(String role, String name, String note, String signatureField) {

    /** The name of the field a result's digital signature fills. */
    public static final String DIGITAL_SIGNATURE_FIELD = "ChuKySo";

    public Signature {
        if (signatureField != null && !signatureField.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("Tên ô chữ ký số: chữ cái không dấu, số, '_' hoặc '-', tối đa 64 ký tự.");
        }
    }

    /** A block signed by hand (no signature field). */
    public Signature(String role, String name, String note) {
        this(role, name, note, null);
    }

    /** A block signed digitally: "(Đã ký số)" and the field {@link #DIGITAL_SIGNATURE_FIELD} for the visible signature. */
    public static Signature signedDigitally(String role, String name) {
        return new Signature(role, name, "(Đã ký số)", DIGITAL_SIGNATURE_FIELD);
    }
}
