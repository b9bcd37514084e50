package vn.gov.egov.printing;

/** A QR code printed on a paper (e.g. the dossier's look-up address) with a caption under it (nullable). */
public record QrCode(String content, String caption) {
}
