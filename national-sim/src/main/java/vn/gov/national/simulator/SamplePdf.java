package vn.gov.national.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal valid one-page PDF (A4, Helvetica) with a few lines of ASCII text, built by hand so that seeded
 * dossiers carry a real document without a PDF library. Vietnamese text is reduced to ASCII letters.
 */
public final class SamplePdf {

    private SamplePdf() {
    }

    /**
     * A seed dossier's documents given as {@code sampleText} lines: each becomes a one-page PDF in
     * {@code contentBase64}, as a citizen's upload would be.
     */
    public static void fillDocuments(ObjectNode body) {
        for (JsonNode document : body.withArray("documents")) {
            List<String> lines = new ArrayList<>();
            ((ObjectNode) document).remove("sampleText").forEach(line -> lines.add(line.asString()));
            ((ObjectNode) document).put("contentBase64",
                    Base64.getEncoder().encodeToString(onePage(lines.toArray(String[]::new))));
        }
    }

    public static byte[] onePage(String... lines) {
        StringBuilder content = new StringBuilder("BT /F1 14 Tf 56 780 Td 18 TL\n");
        content.append("(MO PHONG - SIMULATOR - du lieu gia, khong co gia tri phap ly) Tj T*\n");
        for (String line : lines) {
            content.append('(').append(escape(ascii(line))).append(") Tj T*\n");
        }
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.US_ASCII) + "endstream");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append("%010d 00000 n \n".formatted(offset)));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String ascii(String text) {
        String plain = java.text.Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }
}
