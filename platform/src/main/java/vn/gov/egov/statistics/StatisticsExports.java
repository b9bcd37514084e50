package vn.gov.egov.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The statistics table as CSV (UTF-8 with a byte-order mark, for spreadsheet programs) and as XLSX. */
final class StatisticsExports {

    private StatisticsExports() {
    }

    static String title(StatisticsReport report) {
        return "Thống kê giải quyết hồ sơ theo %s từ %s đến %s".formatted(Grouping.valueOf(report.groupBy().toUpperCase(java.util.Locale.ROOT))
                .vietnameseName().toLowerCase(java.util.Locale.ROOT), StatisticsFormat.date(report.from()), StatisticsFormat.date(report.to()));
    }

    static byte[] csv(StatisticsReport report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of("Mã", "Tên"));
        StatisticsColumns.ALL.forEach(c -> header.add(c.header()));
        line(out, header);
        for (StatisticsReport.GroupCounts g : report.groups()) {
            line(out, row(g.code(), g.name(), g.counts()));
        }
        line(out, row("", "Tổng cộng", report.total()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> row(String code, String name, DossierCounts counts) {
        List<String> cells = new ArrayList<>(List.of(code, name));
        for (StatisticsColumns.Column c : StatisticsColumns.ALL) {
            Number n = c.of(counts);
            cells.add(n == null ? "" : n.toString());
        }
        return cells;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            // a leading formula character is quoted away so that a spreadsheet never evaluates a name
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?")) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            out.append(cell);
        }
        out.append("\r\n");
    }

    static byte[] xlsx(StatisticsReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Thống kê");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            sheet.createRow(0).createCell(0).setCellValue(title(report));
            sheet.getRow(0).getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(2);
            header.createCell(0).setCellValue("Mã");
            header.createCell(1).setCellValue("Tên");
            for (int i = 0; i < StatisticsColumns.ALL.size(); i++) {
                Cell cell = header.createCell(i + 2);
                cell.setCellValue(StatisticsColumns.ALL.get(i).header());
                cell.setCellStyle(bold);
            }
            int r = 3;
            for (StatisticsReport.GroupCounts g : report.groups()) {
                write(sheet.createRow(r++), g.code(), g.name(), g.counts());
            }
            Row total = sheet.createRow(r);
            write(total, "", "Tổng cộng", report.total());
            total.getCell(1).setCellStyle(bold);
            sheet.setColumnWidth(1, 60 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, String code, String name, DossierCounts counts) {
        row.createCell(0).setCellValue(code);
        row.createCell(1).setCellValue(name);
        for (int i = 0; i < StatisticsColumns.ALL.size(); i++) {
            Number n = StatisticsColumns.ALL.get(i).of(counts);
            Cell cell = row.createCell(i + 2);
            if (n != null) {
                cell.setCellValue(n.doubleValue());
            }
        }
    }
}
