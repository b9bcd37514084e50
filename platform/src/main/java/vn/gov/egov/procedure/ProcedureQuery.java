package vn.gov.egov.procedure;

import java.time.LocalDate;

/**
 * Which procedures to read: valid on {@code asOf}, matching every word of {@code text} (diacritics optional), in a
 * field (a sector code such as {@code TP} takes its fields too), an agency (competent or implementing), a level and a
 * channel; any of them may be {@code null}.
 */
public record ProcedureQuery(LocalDate asOf, String text, String field, String agency, ProcedureLevel level,
                             Channel channel, int page, int size) {

    public static final int MAX_PAGE_SIZE = 200;
}
