package vn.gov.egov.signing;

import java.util.Objects;

/**
 * Who signs, as the signature dictionary names them: {@code /Name} = name, {@code /Location} = location,
 * {@code /Reason} = "role – reason" (the dictionary has no role entry); the role is also the CMS claimed signer role.
 *
 * @param name      the signer, e.g. "Nguyễn Văn Bình"
 * @param role      the signer's title, e.g. "Phó Giám đốc" (the claimed signer role)
 * @param location  where, e.g. "Lạng Sơn" (null: the province's place)
 * @param reason    why, e.g. "Ký ban hành kết quả giải quyết thủ tục hành chính" (nullable)
 * @param visibleIn the name of an empty signature field of the PDF (e.g. the printing module's
 *                  {@code Signature.DIGITAL_SIGNATURE_FIELD}) in which the signature is drawn: "Ký bởi: agency",
 *                  "Người ký: name", "Thời gian ký: dd/MM/yyyy HH:mm:ss +07:00"; null: an invisible signature
 */
public record SignerDetails(String name, String role, String location, String reason, String visibleIn) {
    public SignerDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        visibleIn = visibleIn == null || visibleIn.isBlank() ? null : visibleIn.strip();
    }

    /** An invisible signature. */
    public SignerDetails(String name, String role, String location, String reason) {
        this(name, role, location, reason, null);
    }
}
