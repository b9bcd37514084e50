package vn.gov.egov.printing;

/** QR codes as images, for pages that show one (error correction M, UTF-8). */
public interface QrCodes {

    /** A PNG about {@code size} pixels square, with the quiet zone, black on white. */
    byte[] qrPng(String content, int size);
}
