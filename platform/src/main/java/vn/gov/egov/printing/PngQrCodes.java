package vn.gov.egov.printing;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Service;

@Service
class PngQrCodes implements QrCodes {

    private static final int QUIET_ZONE = 4;

    @Override
    public byte[] qrPng(String content, int size) {
        BitMatrix matrix = QrMatrix.of(content, QUIET_ZONE);
        int modules = matrix.getWidth();
        int scale = Math.max(1, Math.round((float) size / modules)); // whole pixels per module keep the edges sharp
        int side = modules * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        int white = 0xFFFFFF;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0 : white);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
