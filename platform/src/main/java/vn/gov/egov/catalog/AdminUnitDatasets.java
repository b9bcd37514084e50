package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads the administrative-unit lists in the form the General Statistics Office publishes them: the 3-level
 * structure (province, district, commune) and the 2-level one from 1 July 2025, whose {@code merged_from_codes}
 * say which old communes each new unit took over ({@code :partial} when only part of one).
 */
@Component
class AdminUnitDatasets {

    ChangeSet threeLevel(String catalog, String source, String summary, String csv, LocalDate validFrom) {
        List<CsvFormat.Record> records = CsvFormat.parse(csv);
        expectHeader(source, records, List.of("code", "name", "type", "level", "parent_code"));
        List<EntryRow> rows = new ArrayList<>();
        for (CsvFormat.Record r : records.subList(1, records.size())) {
            List<String> f = r.fields();
            rows.add(new EntryRow(r.line(), f.get(0), f.get(1), null, f.get(4), validFrom.toString(), null,
                    Map.of("type", f.get(2), "level", f.get(3))));
        }
        return ChangeSet.of(catalog, ChangeSet.Kind.DATASET, summary, "Dữ liệu tham chiếu", source, rows);
    }

    ChangeSet twoLevel(String catalog, String source, String summary, String csv, LocalDate validFrom,
                       List<CatalogTimeline.Version> existing) {
        List<CsvFormat.Record> records = CsvFormat.parse(csv);
        expectHeader(source, records, List.of("code", "name", "level", "parent_code", "merged_from_codes"));
        List<EntryRow> rows = new ArrayList<>();
        List<ChangeSet.SuccessionRow> successions = new ArrayList<>();
        Set<String> newCodes = new HashSet<>();
        for (CsvFormat.Record r : records.subList(1, records.size())) {
            List<String> f = r.fields();
            newCodes.add(f.get(0));
            rows.add(new EntryRow(r.line(), f.get(0), f.get(1), null, f.get(3), validFrom.toString(), null,
                    Map.of("type", typeOf(f.get(1)), "level", f.get(2))));
            for (String merged : f.get(4).trim().split("\\s+")) {
                if (merged.isBlank()) {
                    continue;
                }
                boolean partial = merged.endsWith(":partial");
                successions.add(new ChangeSet.SuccessionRow(r.line(), merged.replace(":partial", ""), f.get(0),
                        validFrom.toString(), Boolean.toString(partial)));
            }
        }
        // every unit of the old structure that the new list does not carry on ends the day before
        LocalDate lastDay = validFrom.minusDays(1);
        List<ChangeSet.Retirement> retirements = existing.stream()
                .map(v -> v.entry)
                .filter(e -> e.isValidOn(lastDay) && !newCodes.contains(e.code()))
                .map(e -> new ChangeSet.Retirement(0, e.code(), validFrom))
                .toList();
        return new ChangeSet(catalog, ChangeSet.Kind.DATASET, summary, "Dữ liệu tham chiếu", source, rows, retirements, successions);
    }

    static String typeOf(String name) {
        for (String type : List.of("Thị trấn", "Thành phố", "Thị xã", "Phường", "Xã", "Huyện", "Quận", "Tỉnh")) {
            if (name.startsWith(type + " ")) {
                return type;
            }
        }
        return "";
    }

    private static void expectHeader(String source, List<CsvFormat.Record> records, List<String> header) {
        if (records.isEmpty() || !records.get(0).fields().stream().map(String::strip).toList().equals(header)) {
            throw new IllegalStateException("Data set " + source + " must start with the header " + header);
        }
    }
}
