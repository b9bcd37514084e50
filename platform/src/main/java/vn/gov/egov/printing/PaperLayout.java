package vn.gov.egov.printing;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays one paper out on A4 pages, top to bottom, starting a new page whenever the next piece does not fit. Margins
 * and sizes follow NĐ 30/2020 Appendix I (left 30 mm, right, top and bottom 20 mm; page numbers centred in the top
 * margin from page 2 on); DejaVu Sans is wider than Times, so text is a point smaller than the decree's 13–14 pt.
 */
final class PaperLayout {

    static final float MM = 72f / 25.4f;
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float LEFT = 30 * MM;
    static final float RIGHT = 20 * MM;
    static final float TOP = 20 * MM;
    static final float BOTTOM = 20 * MM;
    static final float WIDTH = PAGE.getWidth() - LEFT - RIGHT;

    private static final float BODY = 12;
    private static final float TABLE = 10;
    private static final float CELL_PADDING = 3;
    private static final float ITALIC_SHEAR = 0.2f;
    private static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private static final String MOTTO_LINE_2 = "Độc lập - Tự do - Hạnh phúc";

    private final PDDocument document;
    private final PaperFonts fonts;
    private final PDFont regular;
    private final PDFont bold;
    private final PaperFonts.Loaded loaded;
    private PDPageContentStream content;
    private PDPage page;
    private float y;

    PaperLayout(PDDocument document, PaperFonts fonts, PaperFonts.Loaded loaded) throws IOException {
        this.document = document;
        this.fonts = fonts;
        this.regular = loaded.regular();
        this.bold = loaded.bold();
        this.loaded = loaded;
        newPage();
    }

    void lay(Paper paper) throws IOException {
        header(paper);
        title(paper);
        for (Block block : paper.blocks()) {
            // Java 17: no pattern matching in switch yet
            if (block instanceof Block.Heading h) {
                heading(h.text());
            } else if (block instanceof Block.Paragraph p) {
                paragraph(p.text());
            } else if (block instanceof Block.Field f) {
                field(f.label(), f.value());
            } else if (block instanceof Block.Table t) {
                table(t.headers(), t.rows());
            } else if (block instanceof Block.Items i) {
                items(i.items());
            }
        }
        closing(paper.qrCode(), paper.signatures());
        content.close();
        pageNumbers();
    }

    // --- the parts of a paper

    private void header(Paper paper) throws IOException {
        float leftWidth = WIDTH * 0.45f;
        float rightX = LEFT + leftWidth;
        float rightWidth = WIDTH - leftWidth;
        float top = y;

        float left = top;
        String authority = fonts.printable(paper.authority()).toUpperCase(java.util.Locale.ROOT);
        left = centred(authority, regular, fitting(authority, regular, 12, leftWidth), LEFT, leftWidth, left);
        String unit = fonts.printable(paper.issuingUnit());
        float unitSize = fitting(unit, bold, 12, leftWidth);
        if (!unit.isBlank()) {
            left = centred(unit, bold, unitSize, LEFT, leftWidth, left);
        }
        left = rule(LEFT, leftWidth, left, unit.isBlank() ? null : unit, bold, unitSize);

        float right = top;
        float mottoSize = fitting(MOTTO, bold, 12, rightWidth);
        right = centred(MOTTO, bold, mottoSize, rightX, rightWidth, right);
        right = centred(MOTTO_LINE_2, bold, mottoSize + 1, rightX, rightWidth, right);
        right = rule(rightX, rightWidth, right, MOTTO_LINE_2, bold, mottoSize + 1);

        // the number and the place and date share a line (NĐ 30/2020: items 3 and 4 of the layout)
        float line = Math.min(left, right) - 6;
        String number = fonts.printable(paper.number());
        float afterNumber = centred(number, regular, fitting(number, regular, 12, leftWidth), LEFT, leftWidth, line);
        float afterDate = centredItalic(fonts.printable(paper.placeAndDate()), regular, 12, rightX, rightWidth, line);
        y = Math.min(afterNumber, afterDate) - 12;
    }

    private void title(Paper paper) throws IOException {
        y = centred(fonts.printable(paper.title()).toUpperCase(java.util.Locale.ROOT), bold, 14, LEFT, WIDTH, y);
        String subtitle = fonts.printable(paper.subtitle());
        if (!subtitle.isBlank()) {
            y = centred(subtitle, regular, 13, LEFT, WIDTH, y);
        }
        y -= 10;
    }

    private void heading(String text) throws IOException {
        List<String> lines = wrap(fonts.printable(text), bold, BODY, WIDTH);
        y -= 4;
        for (String line : lines) {
            ensure(leading(BODY));
            show(line, bold, BODY, LEFT, baseline(BODY), false);
            y -= leading(BODY);
        }
    }

    private void paragraph(String text) throws IOException {
        for (String line : wrap(fonts.printable(text), regular, BODY, WIDTH)) {
            ensure(leading(BODY));
            show(line, regular, BODY, LEFT, baseline(BODY), false);
            y -= leading(BODY);
        }
        y -= 3;
    }

    private void field(String label, String value) throws IOException {
        String caption = fonts.printable(label) + ": ";
        float indent = width(caption, regular, BODY);
        if (indent > WIDTH * 0.5f) {
            paragraph(caption + fonts.printable(value));
            return;
        }
        List<String> lines = wrap(fonts.printable(value), bold, BODY, WIDTH - indent);
        if (lines.isEmpty()) {
            lines = List.of("");
        }
        ensure(leading(BODY));
        show(caption, regular, BODY, LEFT, baseline(BODY), false);
        for (String line : lines) {
            ensure(leading(BODY));
            show(line, bold, BODY, LEFT + indent, baseline(BODY), false);
            y -= leading(BODY);
        }
        y -= 2;
    }

    private void items(List<String> items) throws IOException {
        float indent = width(items.size() + ". ", regular, BODY) + 4;
        for (int i = 0; i < items.size(); i++) {
            List<String> lines = wrap(fonts.printable(items.get(i)), regular, BODY, WIDTH - indent);
            for (int l = 0; l < lines.size(); l++) {
                ensure(leading(BODY));
                if (l == 0) {
                    show((i + 1) + ".", regular, BODY, LEFT, baseline(BODY), false);
                }
                show(lines.get(l), regular, BODY, LEFT + indent, baseline(BODY), false);
                y -= leading(BODY);
            }
        }
        y -= 3;
    }

    private void table(List<String> headers, List<List<String>> rows) throws IOException {
        int columns = Math.max(headers.size(), rows.stream().mapToInt(List::size).max().orElse(0));
        if (columns == 0) {
            return;
        }
        List<String> head = cells(headers, columns);
        List<List<String>> body = rows.stream().map(r -> cells(r, columns)).toList();
        float[] widths = columnWidths(head, body, columns);
        List<List<String>> headLines = wrapCells(head, bold, widths);
        float headHeight = rowHeight(headLines);
        y -= 4;
        if (!head.stream().allMatch(String::isEmpty)) {
            ensure(headHeight + rowHeight(body.isEmpty() ? headLines : wrapCells(body.get(0), regular, widths)));
            row(headLines, widths, bold, true);
        }
        for (List<String> cells : body) {
            List<List<String>> lines = wrapCells(cells, regular, widths);
            float height = rowHeight(lines);
            float fresh = PAGE.getHeight() - TOP - BOTTOM - headHeight;
            if (y - height < BOTTOM && height <= fresh) {
                newPage();
                row(headLines, widths, bold, true);
            }
            // a row taller than a whole page is split line by line over several pages
            while (y - rowHeight(lines) < BOTTOM) {
                int fit = (int) Math.floor((y - BOTTOM - 2 * CELL_PADDING) / leading(TABLE));
                if (fit < 1) {
                    newPage();
                    row(headLines, widths, bold, true);
                    continue;
                }
                List<List<String>> now = new ArrayList<>();
                List<List<String>> later = new ArrayList<>();
                for (List<String> cell : lines) {
                    now.add(cell.subList(0, Math.min(fit, cell.size())));
                    later.add(cell.subList(Math.min(fit, cell.size()), cell.size()));
                }
                row(now, widths, regular, false);
                lines = later;
                newPage();
                row(headLines, widths, bold, true);
            }
            row(lines, widths, regular, false);
        }
        y -= 6;
    }

    private void closing(QrCode qr, List<Signature> signatures) throws IOException {
        if (qr == null && signatures.isEmpty()) {
            return;
        }
        float qrSide = 28 * MM;
        float qrSlot = qr == null ? 0 : 40 * MM;
        List<String> caption = qr == null ? List.of() : wrap(fonts.printable(qr.caption()), regular, 8, qrSlot - 4);
        float qrHeight = qr == null ? 0 : qrSide + caption.size() * leading(8) + 4;
        float columnWidth = signatures.isEmpty() ? 0 : (WIDTH - qrSlot) / signatures.size();
        float signaturesHeight = 0;
        for (Signature s : signatures) {
            signaturesHeight = Math.max(signaturesHeight, signatureHeight(s, columnWidth));
        }
        y -= 12;
        ensure(Math.max(qrHeight, signaturesHeight)); // the closing part is never split over two pages
        float top = y;
        if (qr != null) {
            drawQr(qr.content(), LEFT, top - qrSide, qrSide);
            float captionY = top - qrSide - 2;
            for (String line : caption) {
                float x = LEFT + Math.max(0, (qrSide - width(line, regular, 8)) / 2);
                show(line, regular, 8, x, captionY - regular.getFontDescriptor().getAscent() / 1000 * 8, false);
                captionY -= leading(8);
            }
        }
        float x = LEFT + qrSlot;
        for (Signature s : signatures) {
            signature(s, x, columnWidth, top);
            x += columnWidth;
        }
        y = top - Math.max(qrHeight, signaturesHeight);
    }

    private float signatureHeight(Signature s, float width) {
        float roles = wrap(fonts.printable(s.role()).toUpperCase(java.util.Locale.ROOT), bold, BODY, width - 6).size() * leading(BODY);
        float note = wrap(fonts.printable(s.note()), regular, 10, width - 6).size() * leading(10);
        float name = wrap(fonts.printable(s.name()), bold, BODY, width - 6).size() * leading(BODY);
        return roles + note + 60 + name;
    }

    private void signature(Signature s, float x, float width, float top) throws IOException {
        float at = centred(fonts.printable(s.role()).toUpperCase(java.util.Locale.ROOT), bold, BODY, x, width, top);
        at = centredItalic(fonts.printable(s.note()), regular, 10, x, width, at);
        if (s.signatureField() != null) {
            signatureField(s.signatureField(), new PDRectangle(x + 6, at - 58, width - 12, 56));
        }
        centred(fonts.printable(s.name()), bold, BODY, x, width, at - 60);
    }

    /**
     * An empty signature field on the current page (the closing part is never split, so it is the last page): the
     * digital signature later fills it and draws its appearance there. Printable and locked once signed.
     */
    private void signatureField(String name, PDRectangle box) throws IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm();
        if (form == null) {
            form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
        }
        PDSignatureField field = new PDSignatureField(form);
        field.setPartialName(name);
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(box);
        widget.setPage(page);
        widget.setPrinted(true);
        page.getAnnotations().add(widget);
        form.getFields().add(field);
    }

    private void drawQr(String text, float x, float y, float side) throws IOException {
        BitMatrix matrix = QrMatrix.of(text, 0);
        int n = matrix.getWidth();
        float module = side / n;
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && matrix.get(col, row)) {
                    col++;
                }
                // runs of dark modules as one rectangle: a smaller file and no hairline gaps between modules
                content.addRect(x + start * module, y + (n - row - 1) * module, (col - start) * module, module);
            }
        }
        content.fill();
    }

    // --- tables

    private static List<String> cells(List<String> row, int columns) {
        List<String> cells = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            cells.add(i < row.size() && row.get(i) != null ? row.get(i) : "");
        }
        return cells;
    }

    /** Each column at least as wide as its longest word, the rest shared by how much text the column holds. */
    private float[] columnWidths(List<String> head, List<List<String>> body, int columns) {
        float[] least = new float[columns];
        float[] wanted = new float[columns];
        List<List<String>> all = new ArrayList<>(body);
        all.add(head);
        for (List<String> row : all) {
            for (int c = 0; c < columns; c++) {
                PDFont font = row == head ? bold : regular;
                String text = fonts.printable(row.get(c));
                for (String word : text.split("[ \n]+")) {
                    least[c] = Math.max(least[c], width(word, font, TABLE) + 2 * CELL_PADDING);
                }
                for (String line : text.split("\n")) {
                    wanted[c] = Math.max(wanted[c], width(line, font, TABLE) + 2 * CELL_PADDING);
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            least[c] = Math.min(least[c], WIDTH * 0.4f);
            wanted[c] = Math.max(wanted[c], least[c]);
        }
        // columns that want no more than a fair share get all they want; the others share what is left
        float[] widths = new float[columns];
        boolean[] settled = new boolean[columns];
        float left = WIDTH;
        int open = columns;
        boolean changed = true;
        while (changed && open > 0) {
            changed = false;
            float fair = left / open;
            for (int c = 0; c < columns; c++) {
                if (!settled[c] && wanted[c] <= fair) {
                    widths[c] = wanted[c];
                    settled[c] = true;
                    left -= wanted[c];
                    open--;
                    changed = true;
                }
            }
        }
        float leastSum = 0;
        float wantedSum = 0;
        for (int c = 0; c < columns; c++) {
            if (!settled[c]) {
                leastSum += least[c];
                wantedSum += wanted[c];
            }
        }
        for (int c = 0; c < columns; c++) {
            if (settled[c]) {
                continue;
            }
            if (leastSum >= left) {
                widths[c] = least[c] * left / leastSum;
            } else {
                widths[c] = least[c] + (wanted[c] - least[c]) * (left - leastSum) / (wantedSum - leastSum);
            }
        }
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        for (int c = 0; c < columns; c++) {
            widths[c] = widths[c] * WIDTH / total; // always the full width of the text block
        }
        return widths;
    }

    private List<List<String>> wrapCells(List<String> cells, PDFont font, float[] widths) {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            lines.add(wrap(fonts.printable(cells.get(c)), font, TABLE, widths[c] - 2 * CELL_PADDING));
        }
        return lines;
    }

    private static float rowHeight(List<List<String>> lines) {
        int most = lines.stream().mapToInt(List::size).max().orElse(1);
        return Math.max(1, most) * leading(TABLE) + 2 * CELL_PADDING;
    }

    private void row(List<List<String>> lines, float[] widths, PDFont font, boolean header) throws IOException {
        float height = rowHeight(lines);
        float x = LEFT;
        if (header) {
            content.setNonStrokingColor(0.9f);
            content.addRect(LEFT, y - height, WIDTH, height);
            content.fill();
            content.setNonStrokingColor(0f);
        }
        content.setLineWidth(0.5f);
        for (int c = 0; c < widths.length; c++) {
            content.addRect(x, y - height, widths[c], height);
            float lineY = y - CELL_PADDING;
            for (String line : lines.get(c)) {
                float lineX = header ? x + (widths[c] - width(line, font, TABLE)) / 2 : x + CELL_PADDING;
                show(line, font, TABLE, lineX, lineY - ascent(font, TABLE), false);
                lineY -= leading(TABLE);
            }
            x += widths[c];
        }
        content.stroke();
        y -= height;
    }

    // --- text

    /** Lines of text centred in a column, wrapped; returns the y below them. Blank text takes no room. */
    private float centred(String text, PDFont font, float size, float x, float width, float top) throws IOException {
        return centred(text, font, size, x, width, top, false);
    }

    private float centredItalic(String text, PDFont font, float size, float x, float width, float top) throws IOException {
        return centred(text, font, size, x, width, top, true);
    }

    private float centred(String text, PDFont font, float size, float x, float width, float top, boolean italic)
            throws IOException {
        if (text == null || text.isBlank()) {
            return top;
        }
        float at = top;
        for (String line : wrap(text, font, size, width)) {
            show(line, font, size, x + (width - width(line, font, size)) / 2, at - ascent(font, size), italic);
            at -= leading(size);
        }
        return at;
    }

    /** A short rule under a header line, as wide as the line above it (or a third of the column). */
    private float rule(float x, float width, float top, String above, PDFont font, float size) throws IOException {
        float length = above == null ? width / 3
                : Math.min(width, width(wrap(above, font, size, width).get(0), font, size));
        float lineY = top - 2;
        content.setLineWidth(0.6f);
        content.moveTo(x + (width - length) / 2, lineY);
        content.lineTo(x + (width + length) / 2, lineY);
        content.stroke();
        return lineY - 4;
    }

    private void show(String text, PDFont font, float size, float x, float baseline, boolean italic) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.setTextMatrix(new Matrix(1, 0, italic ? ITALIC_SHEAR : 0, 1, x, baseline));
        content.showText(text);
        content.endText();
    }

    /** Word wrap; a word longer than the line is cut where it must be. Explicit line breaks are kept. */
    List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, font, size) > width) {
                    int cut = rest.offsetByCodePoints(0, 1);
                    while (cut < rest.length()) {
                        int next = rest.offsetByCodePoints(cut, 1);
                        if (width(rest.substring(0, next), font, size) > width) {
                            break;
                        }
                        cut = next;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, PDFont font, float size) {
        return loaded.width(text, font) / 1000 * size;
    }

    /**
     * The size, down to 10 pt, at which each line of a header (lines split at "\n", e.g. "ỦY BAN NHÂN DÂN\nXÃ …") fits
     * on one line; longer ones wrap at 10 pt.
     */
    private float fitting(String text, PDFont font, float size, float width) {
        float s = size;
        for (String line : text.split("\n")) {
            while (s > 10 && width(line, font, s) > width) {
                s -= 0.5f;
            }
        }
        return s;
    }

    private static float leading(float size) {
        return size * 1.35f;
    }

    private static float ascent(PDFont font, float size) {
        return font.getFontDescriptor().getAscent() / 1000 * size;
    }

    private float baseline(float size) {
        return y - ascent(regular, size);
    }

    // --- pages

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - TOP;
    }

    private void pageNumbers() throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 1; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream numbers = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String number = String.valueOf(i + 1);
                numbers.beginText();
                numbers.setFont(regular, 11);
                numbers.newLineAtOffset((PAGE.getWidth() - width(number, regular, 11)) / 2, PAGE.getHeight() - 12 * MM);
                numbers.showText(number);
                numbers.endText();
            }
        }
    }
}
