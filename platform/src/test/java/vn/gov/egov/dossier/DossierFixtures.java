package vn.gov.egov.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Requests the dossier tests send: a valid one for 1.000001 (criminal-record certificate), and PDFs. */
final class DossierFixtures {

    static final String PROCEDURE = "1.000001";
    static final String ID_CARD = "Căn cước công dân hoặc hộ chiếu";
    /** The first VNeID test identity (Nguyễn Văn An). */
    static final String CITIZEN = "020085999001";

    private DossierFixtures() {
    }

    /** A one-page PDF whose content differs by {@code text}, padded to about {@code size} bytes. */
    static byte[] pdf(String text, int size) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            if (size > 2000) {
                // an embedded file of random bytes makes a realistic size without more pages
                byte[] padding = new byte[size - 1500];
                new java.util.Random(text.hashCode()).nextBytes(padding);
                var stream = new org.apache.pdfbox.pdmodel.common.PDStream(document, new java.io.ByteArrayInputStream(padding));
                page.getCOSObject().setItem("PieceInfo", stream.getCOSObject());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> form() {
        return form("Bổ sung hồ sơ xin việc");
    }

    /** The criminal-record certificate form (1.000001) of the test citizen, for the given purpose. */
    static Map<String, Object> form(String purpose) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("hoTen", "Nguyễn Văn An");
        form.put("soDinhDanh", CITIZEN);
        form.put("ngaySinh", "1985-03-12");
        form.put("gioiTinh", "Nam");
        form.put("noiThuongTru", "Số 12 đường Lê Lợi, Phường Đông Kinh, Tỉnh Lạng Sơn");
        form.put("dienThoai", "0912999001");
        form.put("loaiPhieu", 1);
        form.put("mucDichSuDung", purpose);
        form.put("soLuongPhieu", 1);
        return form;
    }

    static Map<String, Object> document(String requiredDocument, String fileName, String mediaType, byte[] content) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("requiredDocument", requiredDocument);
        document.put("fileName", fileName);
        document.put("mediaType", mediaType);
        document.put("content", Base64.getEncoder().encodeToString(content));
        return document;
    }

    static Map<String, Object> submission(Map<String, Object> form, List<Map<String, Object>> documents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("form", form);
        body.put("documents", documents);
        body.put("resultDelivery", "ONLINE");
        return body;
    }

    static Map<String, Object> validSubmission(String marker) {
        return submission(form(), List.of(document(ID_CARD, "cccd.pdf", "application/pdf", pdf("CCCD " + marker, 3000))));
    }
}
