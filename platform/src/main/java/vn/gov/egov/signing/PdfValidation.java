package vn.gov.egov.signing;

import java.time.Instant;
import java.util.List;

/**
 * What the validation of a PDF's signatures found. The details are those of the first signature.
 *
 * @param verdict              the answer in one word
 * @param indication           the ETSI indication of the first signature (TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE), or null
 * @param subIndication        the ETSI sub-indication (HASH_FAILURE, REVOKED_NO_POE …), or null
 * @param signatureLevel       e.g. "PAdES-BASELINE-B", or null
 * @param signerSubject        the signing certificate's subject, or null
 * @param signingTime          the signing time the signature claims, or null
 * @param certificateNotBefore the signing certificate's validity, or null
 * @param certificateNotAfter  the signing certificate's validity, or null
 * @param signatureCount       how many signatures the PDF holds
 * @param reasons              why it is not valid, in Vietnamese (empty when valid)
 */
public record PdfValidation(Verdict verdict, String indication, String subIndication, String signatureLevel,
                            String signerSubject, Instant signingTime, Instant certificateNotBefore,
                            Instant certificateNotAfter, int signatureCount, List<String> reasons) {

    public enum Verdict {
        /** Every signature passed (TOTAL_PASSED) with a trusted certificate. */
        VALID,
        /** A signature failed: the content changed after signing, the signature does not match, the certificate was revoked … */
        INVALID,
        /** A signature could not be confirmed: untrusted certificate, revocation status unknown … */
        INDETERMINATE,
        /** A PDF without any signature. */
        NOT_SIGNED,
        /** Not a PDF, or a PDF too damaged to read. */
        NOT_A_PDF
    }

    public PdfValidation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean valid() {
        return verdict == Verdict.VALID;
    }

    static PdfValidation without(Verdict verdict, String reason) {
        return new PdfValidation(verdict, null, null, null, null, null, null, null, 0, List.of(reason));
    }
}
