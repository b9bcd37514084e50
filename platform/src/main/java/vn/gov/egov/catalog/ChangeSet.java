package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything one change does to one catalog, applied whole or not at all: entry versions to set, entries to retire
 * and successions to record.
 */
record ChangeSet(String catalog, Kind kind, String summary, String reason, String source, List<EntryRow> rows,
                 List<Retirement> retirements, List<SuccessionRow> successions) {

    enum Kind { IMPORT, EDIT, RETIRE, DATASET }

    record Retirement(int line, String code, LocalDate on) {
    }

    record SuccessionRow(int line, String predecessorCode, String successorCode, String effectiveDate, String partial) {
    }

    ChangeSet {
        rows = rows == null ? List.of() : List.copyOf(rows);
        retirements = retirements == null ? List.of() : List.copyOf(retirements);
        successions = successions == null ? List.of() : List.copyOf(successions);
    }

    static ChangeSet of(String catalog, Kind kind, String summary, String reason, String source, List<EntryRow> rows) {
        return new ChangeSet(catalog, kind, summary, reason, source, rows, List.of(), List.of());
    }
}
