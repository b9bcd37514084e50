package vn.gov.egov.signing;

import java.time.Instant;

/**
 * A signed PDF.
 *
 * @param content           the PDF with its signature
 * @param signatureLevel    e.g. "PAdES-BASELINE-B"
 * @param signerSubject     the signing certificate's subject (RFC 2253)
 * @param certificateSerial the signing certificate's serial number (hex)
 * @param signingTime       the signing time written in the signature
 */
public record SignedPdf(byte[] content, String signatureLevel, String signerSubject, String certificateSerial,
                        Instant signingTime) {
}
