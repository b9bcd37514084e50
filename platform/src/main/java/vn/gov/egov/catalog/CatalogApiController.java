package vn.gov.egov.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The shared e-catalogs over REST: reads are public and as of a date, with ETags; changes need the province administrator. */
@RestController
@RequestMapping("/api/v1/catalogs")
@Tag(name = "Danh mục dùng chung", description = "Shared e-catalogs, versioned by effective date")
class CatalogApiController {

    private final CatalogReading reading;
    private final ManagingCatalogs managing;
    private final EntryFiles files;

    CatalogApiController(CatalogReading reading, ManagingCatalogs managing, EntryFiles files) {
        this.reading = reading;
        this.managing = managing;
        this.files = files;
    }

    record CatalogSummary(String code, String name, String nameEn, String description, boolean hierarchical,
                          String codePattern, List<AttributeDefinition> attributes, long revision) {
    }

    record RetireRequest(String date, String reason) {
    }

    record ChangeResponse(Long changeId, long revision, int versionsWritten, int versionsSuperseded, int successionsRecorded,
                          boolean dryRun) {
        static ChangeResponse of(ApplyingChanges.Result r) {
            return new ChangeResponse(r.changeId(), r.revision(), r.versionsWritten(), r.versionsSuperseded(),
                    r.successionsRecorded(), r.dryRun());
        }
    }

    @GetMapping
    @Operation(summary = "List the catalogs")
    ResponseEntity<List<CatalogSummary>> catalogs(WebRequest request) {
        List<CatalogSummary> catalogs = reading.storedCatalogs().stream().map(c -> summary(c.definition(), c.revision())).toList();
        String etag = etag("catalogs", catalogs.stream().map(c -> c.code() + c.revision()).toList().toString());
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(catalogs);
    }

    @GetMapping("/{catalog}")
    @Operation(summary = "A catalog's definition")
    CatalogSummary catalog(@PathVariable String catalog) {
        CatalogStore.StoredCatalog stored = reading.stored(catalog);
        return summary(stored.definition(), stored.revision());
    }

    @PostMapping
    @Operation(summary = "Define a new catalog (or change an operator-defined one) without a code change")
    ResponseEntity<CatalogSummary> define(@RequestBody CatalogDefinition definition, Principal principal) {
        CatalogDefinition saved = managing.define(definition, principal.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(summary(saved, reading.revision(saved.code())));
    }

    @GetMapping("/{catalog}/entries")
    @Operation(summary = "Entries valid on a date, optionally searched (diacritics optional) or under a parent")
    ResponseEntity<EntryPage> entries(@PathVariable String catalog,
                                      @Parameter(description = "YYYY-MM-DD, default today") @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) String parent,
                                      @Parameter(description = "only entries without a parent") @RequestParam(defaultValue = "false") boolean roots,
                                      @RequestParam(defaultValue = "0") String page,
                                      @RequestParam(defaultValue = "100") String size,
                                      WebRequest request) {
        long revision = reading.stored(catalog).revision();
        LocalDate date = asOf(asOf);
        int pageNumber = number("page", page, 0, 1_000_000);
        int pageSize = number("size", size, 1, EntryQuery.MAX_PAGE_SIZE);
        String etag = etag(catalog, revision + "|" + date + "|" + q + "|" + parent + "|" + roots + "|" + pageNumber + "|" + pageSize);
        if (request.checkNotModified(etag)) {
            return null;
        }
        EntryPage result = reading.entries(catalog, new EntryQuery(date, q, blankToNull(parent), roots, pageNumber, pageSize));
        return ResponseEntity.ok().eTag(etag).body(result);
    }

    @GetMapping("/{catalog}/entries/{code}")
    @Operation(summary = "One entry as it was on a date")
    ResponseEntity<CatalogEntry> entry(@PathVariable String catalog, @PathVariable String code,
                                       @RequestParam(required = false) String asOf, WebRequest request) {
        long revision = reading.stored(catalog).revision();
        LocalDate date = asOf(asOf);
        String etag = etag(catalog, revision + "|" + code + "|" + date);
        if (request.checkNotModified(etag)) {
            return null;
        }
        CatalogEntry entry = reading.entry(catalog, code, date).orElseThrow(() -> CatalogProblems.unknownEntry(catalog, code, date));
        return ResponseEntity.ok().eTag(etag).body(entry);
    }

    @GetMapping("/{catalog}/entries/{code}/versions")
    @Operation(summary = "Every version of an entry, oldest first")
    List<CatalogEntry> versions(@PathVariable String catalog, @PathVariable String code) {
        reading.definition(catalog);
        List<CatalogEntry> versions = reading.versions(catalog, code);
        if (versions.isEmpty()) {
            throw CatalogProblems.problem(HttpStatus.NOT_FOUND, "unknown-entry", "Không tìm thấy mục danh mục",
                    "Danh mục '%s' không có mục mã '%s'".formatted(catalog, code));
        }
        return versions;
    }

    @GetMapping("/{catalog}/entries/{code}/lineage")
    @Operation(summary = "What the entry was on a date and which entries it is today (mergers, splits)")
    Lineage lineage(@PathVariable String catalog, @PathVariable String code, @RequestParam(required = false) String asOf) {
        reading.definition(catalog);
        LocalDate date = asOf(asOf);
        return reading.lineage(catalog, code, date).orElseThrow(() -> CatalogProblems.unknownEntry(catalog, code, date));
    }

    @GetMapping("/{catalog}/changes")
    @Operation(summary = "Who changed the catalog, when and why (newest first)")
    List<CatalogStore.ChangeRecord> changes(@PathVariable String catalog, @RequestParam(required = false) String code,
                                            @RequestParam(defaultValue = "100") String limit) {
        reading.definition(catalog);
        return reading.changes(catalog, blankToNull(code), number("limit", limit, 1, 1000));
    }

    @PutMapping("/{catalog}/entries/{code}")
    @Operation(summary = "Create or change an entry from an effective date (a new version; history is kept)")
    ChangeResponse edit(@PathVariable String catalog, @PathVariable String code, @RequestBody ManagingCatalogs.EntryEdit edit,
                        Principal principal) {
        return ChangeResponse.of(managing.edit(catalog, code, edit, principal.getName()));
    }

    @PostMapping("/{catalog}/entries/{code}/retire")
    @Operation(summary = "End an entry's validity on a date (refused while it still has children after that date)")
    ChangeResponse retire(@PathVariable String catalog, @PathVariable String code, @RequestBody RetireRequest request,
                          Principal principal) {
        LocalDate on = date("date", request.date());
        return ChangeResponse.of(managing.retire(catalog, code, on, request.reason(), principal.getName()));
    }

    @PostMapping(value = "/{catalog}/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import entries from CSV or JSON: every row is validated first and nothing is applied if any is wrong")
    ChangeResponse importEntries(@PathVariable String catalog, @RequestBody byte[] body,
                                 @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                 @RequestParam(required = false) String reason,
                                 @RequestParam(required = false) String fileName,
                                 Principal principal) {
        ManagingCatalogs.Format format = contentType.startsWith(MediaType.APPLICATION_JSON_VALUE)
                ? ManagingCatalogs.Format.JSON : ManagingCatalogs.Format.CSV;
        String text = new String(body, StandardCharsets.UTF_8);
        return ChangeResponse.of(managing.importFile(catalog, format, text, fileName, reason, dryRun, principal.getName()));
    }

    @GetMapping("/{catalog}/export")
    @Operation(summary = "Export as CSV or JSON: the entries valid on a date, or every version (history=true), re-importable")
    ResponseEntity<String> export(@PathVariable String catalog, @RequestParam(defaultValue = "csv") String format,
                                  @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "false") boolean history) {
        CatalogDefinition definition = reading.definition(catalog);
        if (!format.equals("csv") && !format.equals("json")) {
            throw CatalogProblems.badParameter("format", "enum", "Tham số format phải là csv hoặc json, không phải '%s'".formatted(format));
        }
        List<CatalogEntry> entries = history ? reading.versionsIncludingHistory(catalog)
                : reading.entries(catalog, EntryQuery.all(asOf(asOf))).items();
        boolean csv = format.equals("csv");
        String body = csv ? files.writeCsv(definition, entries) : files.writeJson(entries);
        String fileName = catalog + (history ? "-history" : "-" + asOf(asOf)) + "." + format;
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    private static CatalogSummary summary(CatalogDefinition d, long revision) {
        return new CatalogSummary(d.code(), d.name(), d.nameEn(), d.description(), d.hierarchical(), d.codePattern(),
                d.attributes(), revision);
    }

    static LocalDate asOf(String text) {
        return text == null || text.isBlank() ? LocalDate.now(CatalogReading.VIETNAM) : date("asOf", text);
    }

    static LocalDate date(String parameter, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw CatalogProblems.badParameter(parameter, "date-format",
                    "Tham số %s phải là ngày dạng YYYY-MM-DD, không phải '%s'".formatted(parameter, text));
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
        throw CatalogProblems.badParameter(parameter, "range",
                "Tham số %s phải là số nguyên từ %d đến %d, không phải '%s'".formatted(parameter, min, max, text));
    }

    private static String etag(String prefix, String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "\"" + prefix + "-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
