package vn.gov.egov.catalog;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks; every record keeps the line it started on. */
final class CsvFormat {

    record Record(int line, List<String> fields) {
    }

    static final class MalformedCsv extends RuntimeException {
        final int line;

        MalformedCsv(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private CsvFormat() {
    }

    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < input.length() && input.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 || fieldWasQuoted) {
                        throw new MalformedCsv(line, "dấu ngoặc kép (\") chỉ được đặt ở đầu trường");
                    }
                    quoted = true;
                    fieldWasQuoted = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                }
                case '\r' -> {
                    // part of a CRLF line break
                }
                case '\n' -> {
                    fields.add(field.toString());
                    addUnlessBlank(records, recordLine, fields);
                    fields = new ArrayList<>();
                    field.setLength(0);
                    fieldWasQuoted = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (fieldWasQuoted) {
                        throw new MalformedCsv(line, "có ký tự sau dấu ngoặc kép đóng trường");
                    }
                    field.append(c);
                }
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsv(recordLine, "trường mở bằng dấu ngoặc kép nhưng không được đóng");
        }
        if (field.length() > 0 || !fields.isEmpty() || fieldWasQuoted) {
            fields.add(field.toString());
            addUnlessBlank(records, recordLine, fields);
        }
        return records;
    }

    private static void addUnlessBlank(List<Record> records, int line, List<String> fields) {
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
            records.add(new Record(line, List.copyOf(fields)));
        }
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    static String line(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(values.get(i)));
        }
        return out.append("\r\n").toString();
    }
}
