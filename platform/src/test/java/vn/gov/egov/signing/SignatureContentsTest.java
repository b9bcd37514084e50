package vn.gov.egov.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESUtils;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.utils.Utils;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast paste of the signature gives DSS's bytes exactly, and gives up where DSS refuses. */
class SignatureContentsTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] dss(byte[] pdf, byte[] cms) {
        DSSDocument signed = PAdESUtils.replaceSignature(new InMemoryDocument(pdf), cms, null);
        return DSSUtils.toByteArray(signed);
    }

    private static byte[] fast(byte[] pdf, byte[] cms) {
        return SignatureContents.paste(pdf, ascii(Utils.toHex(cms)));
    }

    @Test
    void theSignatureGoesIntoTheReservedSpaceAsDssPutsIt() {
        byte[] cms = {(byte) 0x30, (byte) 0x82, 0x01, (byte) 0xAB, 0x7F, 0x00};
        byte[] pdf = ascii("%PDF-1.7\n1 0 obj <</Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 40 60 20] /Contents <"
                + "0".repeat(40) + "> /Name <00> /M (D:20261128)>>\nendobj\n<0000> <ff00>\n%%EOF\n");

        byte[] signed = fast(pdf, cms);

        assertThat(signed).isEqualTo(dss(pdf, cms));
        assertThat(new String(signed, StandardCharsets.ISO_8859_1)).contains("/Contents <308201ab7f00" + "0".repeat(28) + ">");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("the prepared document is left as it was").doesNotContain("308201ab");
    }

    @Test
    void noReservedSpaceOrTwoOfThemIsLeftToDssWhichRefuses() {
        byte[] cms = new byte[8];
        byte[] none = ascii("%PDF-1.7\n<" + "0".repeat(15) + ">\n%%EOF\n");
        byte[] two = ascii("%PDF-1.7\n<" + "0".repeat(16) + "> <" + "0".repeat(20) + ">\n%%EOF\n");

        assertThat(fast(none, cms)).isNull();
        assertThat(fast(two, cms)).isNull();
        assertThatThrownBy(() -> dss(none, cms)).hasMessageContaining("not found");
        assertThatThrownBy(() -> dss(two, cms)).hasMessageContaining("more than one");
    }

    @Test
    void onManyShapesOfDocumentsTheBytesAreDssBytes() {
        Random random = new Random(20261128);
        byte[] alphabet = ascii("<<000a>0 ");
        int compared = 0;
        for (int round = 0; round < 2_000; round++) {
            byte[] cms = new byte[1 + random.nextInt(4)];
            random.nextBytes(cms);
            // a PDF ends with its end-of-file marker (DSS would drop a document's last bytes if they were "<0…")
            byte[] end = ascii("\n%%EOF\n");
            byte[] pdf = new byte[9 + random.nextInt(60) + end.length];
            System.arraycopy(ascii("%PDF-1.7\n"), 0, pdf, 0, 9);
            for (int i = 9; i < pdf.length - end.length; i++) {
                pdf[i] = alphabet[random.nextInt(alphabet.length)];
            }
            System.arraycopy(end, 0, pdf, pdf.length - end.length, end.length);
            byte[] expected;
            try {
                expected = dss(pdf, cms);
            } catch (RuntimeException refused) {
                assertThat(fast(pdf, cms)).as("DSS refused %s", new String(pdf, StandardCharsets.ISO_8859_1)).isNull();
                continue;
            }
            assertThat(fast(pdf, cms)).as(new String(pdf, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
            compared++;
        }
        assertThat(compared).as("documents with exactly one reserved space").isGreaterThan(100);
    }
}
