/**
 * Official papers as PDF: a Vietnamese administrative paper laid out like Decree 30/2020 (national motto header,
 * A4, embedded Unicode font so diacritics survive), with an optional QR code and signature blocks.
 * <p>
 * API: {@link vn.gov.egov.printing.OfficialPapers}, {@link vn.gov.egov.printing.Paper} and its
 * {@link vn.gov.egov.printing.Block}s, {@link vn.gov.egov.printing.QrCode}, {@link vn.gov.egov.printing.Signature},
 * and {@link vn.gov.egov.printing.QrCodes} for pages that show a QR code as an image; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Official papers (PDF)")
package vn.gov.egov.printing;
