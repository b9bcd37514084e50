package vn.gov.egov.signing;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESCommonParameters;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.nativedrawer.PdfBoxNativeSignatureDrawerFactory;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.utils.Utils;
import java.nio.charset.StandardCharsets;

/**
 * Puts the CMS signature into the {@code /Contents <000…>} space that DSS reserved in the prepared PDF. DSS's own
 * {@code PAdESUtils.replaceSignature} does the same one byte at a time through synchronized streams (about a twentieth
 * of the platform's CPU when it issues results); this does it on the array, with the same rules: the first
 * {@code <} followed by at least as many {@code 0} as the signature has hex digits takes the signature in its first
 * digits, and a second such space is an error.
 */
final class SignatureContents {

    private SignatureContents() {
    }

    /**
     * The PDF with {@code signatureHex} in its reserved space, or {@code null} when it has none or more than one (the
     * caller lets DSS sign the whole document again and report the fault).
     */
    static byte[] paste(byte[] pdf, byte[] signatureHex) {
        int length = signatureHex.length;
        if (length == 0) {
            return null;
        }
        int found = -1;
        for (int i = 0; i < pdf.length; i++) {
            if (pdf[i] != '<') {
                continue;
            }
            int zeros = 0;
            int j = i + 1;
            while (j < pdf.length && pdf[j] == '0') {
                zeros++;
                j++;
            }
            if (zeros >= length) {
                if (found >= 0) {
                    return null;
                }
                found = i + 1;
            }
            i = j - 1;
        }
        if (found < 0) {
            return null;
        }
        byte[] signed = pdf.clone();
        System.arraycopy(signatureHex, 0, signed, found, length);
        return signed;
    }

    /** DSS's PDFBox objects (native drawing of visible signatures) with a signature service that pastes fast. */
    static final class Objects extends PdfBoxNativeObjectFactory {

        @Override
        public PDFSignatureService newPAdESSignatureService() {
            return configure(new Service());
        }
    }

    private static final class Service extends PdfBoxSignatureService {

        Service() {
            super(PDFServiceMode.SIGNATURE, new PdfBoxNativeSignatureDrawerFactory());
        }

        @Override
        public DSSDocument sign(DSSDocument toSignDocument, byte[] cmsSignedData, PAdESCommonParameters parameters) {
            DSSDocument prepared = parameters.getPdfSignatureCache().getToBeSignedDocument();
            if (prepared != null && cmsSignedData != null && cmsSignedData.length > 0) {
                byte[] signed = paste(DSSUtils.toByteArray(prepared), Utils.toHex(cmsSignedData).getBytes(StandardCharsets.US_ASCII));
                if (signed != null) {
                    parameters.reinit();
                    DSSDocument document = new InMemoryDocument(signed);
                    document.setMimeType(MimeTypeEnum.PDF);
                    return document;
                }
            }
            return super.sign(toSignDocument, cmsSignedData, parameters);
        }
    }
}
