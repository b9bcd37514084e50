package vn.gov.egov.printing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** The modules of a QR code: error correction M, UTF-8, with a quiet zone of {@code margin} modules. */
final class QrMatrix {

    private QrMatrix() {
    }

    static BitMatrix of(String content, int margin) {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("QR code content is empty");
        }
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, margin));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR code content too long: " + content.length() + " characters", e);
        }
    }
}
