package vn.gov.egov.attachment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The page count of a well-formed PDF read from its page tree root ({@code /Root → /Pages → /Count}) through the last
 * cross-reference section (table or stream, with its {@code /Prev} chain, objects in object streams included), without
 * a full parse. Anything it does not understand — a damaged or unusual structure, an encrypted file, a filter other
 * than Flate, a predictor other than PNG — gives {@link #UNKNOWN}, and the caller then parses the file with PDFBox, so
 * what is refused and why stays the same.
 */
final class PdfPageCount {

    static final int UNKNOWN = -1;
    private static final int MAX_SECTIONS = 32;
    private static final int MAX_INFLATED = 16 * 1024 * 1024;

    private final byte[] pdf;
    /** Object number → byte offset (type 1) or, negated minus one, the object stream that holds it (type 2). */
    private final Map<Integer, long[]> entries = new HashMap<>();
    private Map<String, Object> trailer;

    private PdfPageCount(byte[] pdf) {
        this.pdf = pdf;
    }

    /** The value of the page tree root's /Count, or {@link #UNKNOWN}. */
    static int of(byte[] pdf) {
        try {
            return new PdfPageCount(pdf).count();
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }

    private int count() {
        long start = startXref();
        Set<Long> seen = new HashSet<>();
        while (start >= 0) {
            if (!seen.add(start) || seen.size() > MAX_SECTIONS) {
                return UNKNOWN;
            }
            Map<String, Object> sectionTrailer = section((int) start);
            if (sectionTrailer == null) {
                return UNKNOWN;
            }
            if (trailer == null) {
                trailer = sectionTrailer;
            }
            if (sectionTrailer.get("XRefStm") instanceof Long hybrid && seen.add(hybrid)) {
                if (section(hybrid.intValue()) == null) {
                    return UNKNOWN;
                }
            }
            start = sectionTrailer.get("Prev") instanceof Long prev ? prev : -1;
        }
        if (trailer == null || trailer.containsKey("Encrypt") || !(trailer.get("Root") instanceof Ref root)) {
            return UNKNOWN;
        }
        if (!(resolve(root) instanceof Map<?, ?> catalog) || !(catalog.get("Pages") instanceof Ref pagesRef)) {
            return UNKNOWN;
        }
        if (!(resolve(pagesRef) instanceof Map<?, ?> pages) || !"Pages".equals(pages.get("Type"))) {
            return UNKNOWN;
        }
        Object count = pages.get("Count");
        if (count instanceof Ref ref) {
            count = resolve(ref);
        }
        return count instanceof Long n && n >= 0 && n <= Integer.MAX_VALUE ? n.intValue() : UNKNOWN;
    }

    private long startXref() {
        byte[] keyword = "startxref".getBytes(StandardCharsets.US_ASCII);
        for (int i = pdf.length - keyword.length; i >= Math.max(0, pdf.length - 1024); i--) {
            if (matches(i, keyword)) {
                Parser p = new Parser(pdf, i + keyword.length);
                return p.next() instanceof Long offset && offset > 0 && offset < pdf.length ? offset : -1;
            }
        }
        return -1;
    }

    /** Reads the cross-reference section at the offset into {@link #entries} (older sections do not override) and returns its trailer. */
    private Map<String, Object> section(int offset) {
        Parser p = new Parser(pdf, offset);
        p.skipSpace();
        if (matches(p.at, "xref".getBytes(StandardCharsets.US_ASCII))) {
            p.at += 4;
            while (true) {
                p.skipSpace();
                if (matches(p.at, "trailer".getBytes(StandardCharsets.US_ASCII))) {
                    p.at += 7;
                    return p.next() instanceof Map<?, ?> dictionary ? cast(dictionary) : null;
                }
                if (!(p.next() instanceof Long first) || !(p.next() instanceof Long n) || first < 0 || n < 0 || n > 10_000_000) {
                    return null;
                }
                for (int k = 0; k < n; k++) {
                    p.skipSpace();
                    int e = p.at;
                    if (e + 18 > pdf.length) {
                        return null;
                    }
                    long where = Long.parseLong(new String(pdf, e, 10, StandardCharsets.US_ASCII));
                    char type = (char) pdf[e + 17];
                    int number = (int) (first + k);
                    if (type == 'n') {
                        put(number, new long[] {where});
                    } else if (type == 'f') {
                        put(number, null);
                    } else {
                        return null;
                    }
                    p.at = e + 18;
                }
            }
        }
        // a cross-reference stream: "n g obj << … >> stream … endstream"
        IndirectObject object = object(offset);
        if (object == null || object.stream == null || !"XRef".equals(object.dictionary.get("Type"))) {
            return null;
        }
        byte[] data = decode(object);
        if (data == null || !(object.dictionary.get("W") instanceof List<?> w) || w.size() != 3) {
            return null;
        }
        int[] widths = new int[3];
        for (int i = 0; i < 3; i++) {
            if (!(w.get(i) instanceof Long width) || width < 0 || width > 8) {
                return null;
            }
            widths[i] = width.intValue();
        }
        List<?> index = object.dictionary.get("Index") instanceof List<?> l ? l
                : object.dictionary.get("Size") instanceof Long size ? List.of(0L, size) : null;
        if (index == null || index.size() % 2 != 0) {
            return null;
        }
        int rowLength = widths[0] + widths[1] + widths[2];
        int at = 0;
        for (int s = 0; s < index.size(); s += 2) {
            if (!(index.get(s) instanceof Long first) || !(index.get(s + 1) instanceof Long n)) {
                return null;
            }
            for (long k = 0; k < n; k++) {
                if (at + rowLength > data.length) {
                    return null;
                }
                long type = widths[0] == 0 ? 1 : field(data, at, widths[0]);
                long a = field(data, at + widths[0], widths[1]);
                long b = field(data, at + widths[0] + widths[1], widths[2]);
                at += rowLength;
                int number = (int) (first + k);
                if (type == 1) {
                    put(number, new long[] {a});
                } else if (type == 2) {
                    put(number, new long[] {-a - 1, b});
                } else if (type == 0) {
                    put(number, null);
                }
            }
        }
        return object.dictionary;
    }

    /** Newer sections are read first: an object already known keeps its newer entry (a free entry included). */
    private void put(int number, long[] entry) {
        if (!entries.containsKey(number)) {
            entries.put(number, entry);
        }
    }

    private static long field(byte[] data, int at, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (data[at + i] & 0xFF);
        }
        return value;
    }

    private Object resolve(Ref ref) {
        long[] entry = entries.get(ref.number());
        if (entry == null) {
            return null;
        }
        if (entry[0] >= 0) {
            IndirectObject object = object((int) entry[0]);
            return object == null || object.number != ref.number() ? null : object.stream != null ? object.dictionary : object.value;
        }
        // in an object stream
        int streamNumber = (int) (-entry[0] - 1);
        long[] streamEntry = entries.get(streamNumber);
        if (streamEntry == null || streamEntry[0] < 0) {
            return null;
        }
        IndirectObject container = object((int) streamEntry[0]);
        if (container == null || container.stream == null || !"ObjStm".equals(container.dictionary.get("Type"))
                || !(container.dictionary.get("N") instanceof Long n) || !(container.dictionary.get("First") instanceof Long first)) {
            return null;
        }
        byte[] data = decode(container);
        if (data == null) {
            return null;
        }
        Parser header = new Parser(data, 0);
        for (long i = 0; i < n; i++) {
            if (!(header.next() instanceof Long number) || !(header.next() instanceof Long offset)) {
                return null;
            }
            if (number == ref.number()) {
                return new Parser(data, (int) (first + offset)).next();
            }
        }
        return null;
    }

    private record IndirectObject(int number, Object value, Map<String, Object> dictionary, int[] stream) {
    }

    private IndirectObject object(int offset) {
        if (offset < 0 || offset >= pdf.length) {
            return null;
        }
        Parser p = new Parser(pdf, offset);
        if (!(p.next() instanceof Long number) || !(p.next() instanceof Long) || !(p.next() instanceof Keyword k) || !k.is("obj")) {
            return null;
        }
        Object value = p.next();
        if (!(value instanceof Map<?, ?> dictionary)) {
            return new IndirectObject(number.intValue(), value, null, null);
        }
        int after = p.at;
        p.skipSpace();
        if (!matches(p.at, "stream".getBytes(StandardCharsets.US_ASCII))) {
            return new IndirectObject(number.intValue(), value, cast(dictionary), null);
        }
        int start = p.at + 6;
        if (start < pdf.length && pdf[start] == '\r') {
            start++;
        }
        if (start < pdf.length && pdf[start] == '\n') {
            start++;
        }
        if (!(dictionary.get("Length") instanceof Long length) || length < 0 || start + length > pdf.length) {
            return null; // an indirect /Length is left to the full parse
        }
        return new IndirectObject(number.intValue(), value, cast(dictionary), new int[] {start, (int) (start + length), after});
    }

    private byte[] decode(IndirectObject object) {
        Object filter = object.dictionary.get("Filter");
        if (filter instanceof List<?> filters && filters.size() == 1) {
            filter = filters.get(0);
        }
        Object parameters = object.dictionary.get("DecodeParms");
        if (parameters instanceof List<?> list && list.size() == 1) {
            parameters = list.get(0);
        }
        byte[] raw = java.util.Arrays.copyOfRange(pdf, object.stream[0], object.stream[1]);
        byte[] data;
        if (filter == null) {
            data = raw;
        } else if ("FlateDecode".equals(filter)) {
            data = inflate(raw);
        } else {
            return null;
        }
        if (data == null || parameters == null) {
            return data;
        }
        if (!(parameters instanceof Map<?, ?> p)) {
            return null;
        }
        long predictor = p.get("Predictor") instanceof Long l ? l : 1;
        if (predictor == 1) {
            return data;
        }
        if (predictor < 10) {
            return null;
        }
        long columns = p.get("Columns") instanceof Long c ? c : 1;
        long colors = p.get("Colors") instanceof Long c ? c : 1;
        long bits = p.get("BitsPerComponent") instanceof Long b ? b : 8;
        if (bits != 8 || colors != 1 || columns < 1 || columns > 64) {
            return null;
        }
        return unpredict(data, (int) columns);
    }

    /** PNG predictors, one filter byte per row (only None, Sub and Up occur in cross-reference streams). */
    private static byte[] unpredict(byte[] data, int columns) {
        int row = columns + 1;
        if (data.length % row != 0) {
            return null;
        }
        int rows = data.length / row;
        byte[] out = new byte[rows * columns];
        for (int r = 0; r < rows; r++) {
            int type = data[r * row];
            for (int c = 0; c < columns; c++) {
                int raw = data[r * row + 1 + c] & 0xFF;
                int up = r > 0 ? out[(r - 1) * columns + c] & 0xFF : 0;
                int left = c > 0 ? out[r * columns + c - 1] & 0xFF : 0;
                int value = switch (type) {
                    case 0 -> raw;
                    case 1 -> raw + left;
                    case 2 -> raw + up;
                    default -> -1;
                };
                if (value < 0) {
                    return null;
                }
                out[r * columns + c] = (byte) value;
            }
        }
        return out;
    }

    private static byte[] inflate(byte[] raw) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length * 4));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private boolean matches(int at, byte[] word) {
        if (at < 0 || at + word.length > pdf.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (pdf[at + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    record Ref(int number, int generation) {
    }

    record Keyword(String word) {
        static final Keyword NULL = new Keyword("null");

        boolean is(String w) {
            return word.equals(w);
        }
    }

    /** The PDF object syntax: numbers (Long or Double), names (String without the slash), strings (byte[]), arrays, dictionaries, references. */
    static final class Parser {
        private final byte[] b;
        int at;
        private int depth;

        Parser(byte[] b, int at) {
            this.b = b;
            this.at = at;
        }

        void skipSpace() {
            while (at < b.length) {
                int c = b[at];
                if (c == '%') {
                    while (at < b.length && b[at] != '\n' && b[at] != '\r') {
                        at++;
                    }
                } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0) {
                    at++;
                } else {
                    return;
                }
            }
        }

        Object next() {
            if (++depth > 64) {
                throw new IllegalStateException("too deep");
            }
            try {
                return value();
            } finally {
                depth--;
            }
        }

        private Object value() {
            skipSpace();
            if (at >= b.length) {
                throw new IllegalStateException("end of data");
            }
            int c = b[at];
            if (c == '/') {
                at++;
                int s = at;
                while (at < b.length && regular(b[at])) {
                    at++;
                }
                return new String(b, s, at - s, StandardCharsets.ISO_8859_1);
            }
            if (c == '<' && at + 1 < b.length && b[at + 1] == '<') {
                at += 2;
                Map<String, Object> dictionary = new LinkedHashMap<>();
                while (true) {
                    skipSpace();
                    if (at + 1 < b.length && b[at] == '>' && b[at + 1] == '>') {
                        at += 2;
                        return dictionary;
                    }
                    if (!(next() instanceof String key)) {
                        throw new IllegalStateException("dictionary key");
                    }
                    dictionary.put(key, next());
                }
            }
            if (c == '<') {
                int end = indexOf('>', at);
                at = end + 1;
                return new byte[0];
            }
            if (c == '[') {
                at++;
                List<Object> array = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (at < b.length && b[at] == ']') {
                        at++;
                        return array;
                    }
                    array.add(next());
                }
            }
            if (c == '(') {
                int nesting = 0;
                while (at < b.length) {
                    int x = b[at++];
                    if (x == '\\') {
                        at++;
                    } else if (x == '(') {
                        nesting++;
                    } else if (x == ')' && --nesting == 0) {
                        return new byte[0];
                    }
                }
                throw new IllegalStateException("unterminated string");
            }
            if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
                Object number = number();
                if (number instanceof Long first && first >= 0) {
                    // "n g R"?
                    int mark = at;
                    skipSpace();
                    int s = at;
                    while (at < b.length && b[at] >= '0' && b[at] <= '9') {
                        at++;
                    }
                    if (at > s && at - s < 10) {
                        int generation = Integer.parseInt(new String(b, s, at - s, StandardCharsets.US_ASCII));
                        skipSpace();
                        if (at < b.length && b[at] == 'R' && (at + 1 >= b.length || !regular(b[at + 1]))) {
                            at++;
                            return new Ref(first.intValue(), generation);
                        }
                    }
                    at = mark;
                }
                return number;
            }
            if (c == ')' || c == '>' || c == ']' || c == '{' || c == '}') {
                throw new IllegalStateException("unexpected delimiter");
            }
            int s = at;
            while (at < b.length && regular(b[at])) {
                at++;
            }
            String word = new String(b, s, at - s, StandardCharsets.ISO_8859_1);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> Keyword.NULL;
                default -> new Keyword(word);
            };
        }

        private Object number() {
            int s = at;
            if (b[at] == '+' || b[at] == '-') {
                at++;
            }
            boolean real = false;
            while (at < b.length && ((b[at] >= '0' && b[at] <= '9') || b[at] == '.')) {
                real |= b[at] == '.';
                at++;
            }
            String text = new String(b, s, at - s, StandardCharsets.US_ASCII);
            if (real) {
                return Double.parseDouble(text);
            }
            if (at - s > 18) {
                throw new IllegalStateException("number too long");
            }
            return Long.parseLong(text);
        }

        private int indexOf(int c, int from) {
            for (int i = from; i < b.length; i++) {
                if (b[i] == c) {
                    return i;
                }
            }
            throw new IllegalStateException("unterminated");
        }

        private static boolean regular(int c) {
            return !(c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0 || c == '(' || c == ')' || c == '<'
                    || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '%');
        }
    }
}
