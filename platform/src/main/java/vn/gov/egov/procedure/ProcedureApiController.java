package vn.gov.egov.procedure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The procedure catalog over REST: reads are public and as of a date; the sync needs the province administrator. */
@RestController
@RequestMapping("/api/v1/procedures")
@Tag(name = "Thủ tục hành chính", description = "Procedure catalog (CSDL TTHC), versioned by validity dates")
class ProcedureApiController {

    private final ProcedureReading reading;
    private final SynchronisingProcedures synchronising;

    ProcedureApiController(ProcedureReading reading, SynchronisingProcedures synchronising) {
        this.reading = reading;
        this.synchronising = synchronising;
    }

    @GetMapping
    @Operation(summary = "Search procedures valid on a date (diacritics optional), by field, agency, level and channel")
    ProcedurePage search(@Parameter(description = "words, with or without diacritics") @RequestParam(required = false) String q,
                         @Parameter(description = "field code (TP.01) or sector code (TP)") @RequestParam(required = false) String field,
                         @Parameter(description = "agency code, competent or implementing") @RequestParam(required = false) String agency,
                         @Parameter(description = "PROVINCE, DISTRICT or COMMUNE") @RequestParam(required = false) String level,
                         @Parameter(description = "ONLINE, IN_PERSON or BY_POST") @RequestParam(required = false) String channel,
                         @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size,
                         @Parameter(description = "YYYY-MM-DD, default today") @RequestParam(required = false) String asOf) {
        return reading.search(query(q, field, agency, level, channel, page, size, asOf));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One procedure as it was on a date, in full")
    Procedure procedure(@PathVariable String code, @RequestParam(required = false) String asOf) {
        LocalDate date = asOf(asOf);
        return reading.find(code, date).orElseThrow(() -> ProcedureProblems.unknownProcedure(code, date));
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Every version of a procedure, oldest first")
    List<Procedure> versions(@PathVariable String code) {
        List<Procedure> versions = reading.versions(code);
        if (versions.isEmpty()) {
            throw ProcedureProblems.problem(org.springframework.http.HttpStatus.NOT_FOUND, "unknown-procedure",
                    "Không tìm thấy thủ tục hành chính", "Không có thủ tục hành chính mã '%s'".formatted(code));
        }
        return versions;
    }

    @PostMapping("/sync")
    @Operation(summary = "Import from the national procedure database: valid records are applied, invalid ones reported by code and field")
    SyncResult sync(@Parameter(description = "every procedure, not only those changed since the last sync")
                    @RequestParam(defaultValue = "false") boolean full) {
        return synchronising.synchronise(full);
    }

    static ProcedureQuery query(String q, String field, String agency, String level, String channel, String page, String size,
                                String asOf) {
        return new ProcedureQuery(asOf(asOf), blankToNull(q), blankToNull(field), blankToNull(agency),
                enumParameter("level", ProcedureLevel.class, level), enumParameter("channel", Channel.class, channel),
                number("page", page, 0, 100_000), number("size", size, 1, ProcedureQuery.MAX_PAGE_SIZE));
    }

    static LocalDate asOf(String text) {
        if (text == null || text.isBlank()) {
            return ProcedureReading.today();
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProcedureProblems.badParameter("asOf", "date-format",
                    "Tham số asOf phải là ngày dạng YYYY-MM-DD, không phải '%s'".formatted(text));
        }
    }

    private static <E extends Enum<E>> E enumParameter(String parameter, Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProcedureProblems.badParameter(parameter, "enum", "Tham số %s phải là một trong %s, không phải '%s'"
                    .formatted(parameter, Arrays.toString(type.getEnumConstants()), text));
        }
    }

    private static int number(String parameter, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProcedureProblems.badParameter(parameter, "range",
                "Tham số %s phải là số nguyên từ %d đến %d, không phải '%s'".formatted(parameter, min, max, text));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
