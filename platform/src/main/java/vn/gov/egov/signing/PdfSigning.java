package vn.gov.egov.signing;

/** Signs PDFs with an agency's key (PAdES) and checks signed PDFs. */
public interface PdfSigning {

    /**
     * Signs as PAdES-BASELINE-B, or B-T when a time-stamping authority is configured ({@code egov.signing.tsa-url}),
     * with the signer's name, role and place in the signature dictionary.
     *
     * With {@link SignerDetails#visibleIn()} the signature is also drawn in that empty signature field of the PDF
     * ("Ký bởi: agency", "Người ký: name", "Thời gian ký: dd/MM/yyyy HH:mm:ss +07:00", in the papers' font).
     *
     * @throws SigningRefused with a Vietnamese reason when the agency's certificate is expired, not yet valid or
     *                        revoked, when the agency has no key, when the key cannot sign, or (NO_SIGNATURE_FIELD)
     *                        when the field to sign in is missing or signed already; nothing is signed then
     */
    SignedPdf sign(SigningAgency agency, byte[] pdf, SignerDetails signer);

    /**
     * Validates every signature of the PDF against the trusted anchors (the test CA in development and tests, the
     * configured anchors in production), re-computed from the bytes given. Never throws for bad input: a file that
     * is not a PDF or has no signature says so in {@link PdfValidation#verdict()}.
     */
    PdfValidation validate(byte[] pdf);
}
