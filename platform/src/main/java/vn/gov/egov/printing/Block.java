package vn.gov.egov.printing;

import java.util.List;

/** A piece of a paper's body. */
public sealed interface Block permits Block.Heading, Block.Paragraph, Block.Field, Block.Table, Block.Items {

    /** A bold line, e.g. "I. THÔNG TIN NGƯỜI NỘP". */
    record Heading(String text) implements Block {
    }

    /** Justified-left running text that wraps. */
    record Paragraph(String text) implements Block {
    }

    /** "Label: value", the value wraps under itself. */
    record Field(String label, String value) implements Block {
    }

    /**
     * A ruled table; the header row is repeated on every page the table continues on. Column widths follow the
     * content; a missing or null cell prints empty.
     */
    record Table(List<String> headers, List<List<String>> rows) implements Block {
        public Table {
            headers = headers == null ? List.of() : List.copyOf(headers);
            rows = rows == null ? List.of() : rows.stream().map(Table::cells).toList();
        }

        private static List<String> cells(List<String> row) {
            return row == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row));
        }
    }

    /** A numbered list 1., 2., … */
    record Items(List<String> items) implements Block {
        public Items {
            items = List.copyOf(items);
        }
    }
}
