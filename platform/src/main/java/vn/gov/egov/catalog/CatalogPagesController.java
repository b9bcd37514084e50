package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages: every catalog can be browsed and searched as of any date. */
@Controller
class CatalogPagesController {

    private final CatalogReading reading;

    CatalogPagesController(CatalogReading reading) {
        this.reading = reading;
    }

    @GetMapping("/catalogs")
    String catalogs(Model model) {
        model.addAttribute("catalogs", reading.catalogs());
        model.addAttribute("admin", false);
        return "catalog/index";
    }

    @GetMapping("/catalogs/{catalog}")
    String catalog(@PathVariable String catalog, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String q, Model model) {
        CatalogPages.browse(model, reading, catalog, asOf, q, false);
        return "catalog/catalog";
    }

    @GetMapping("/catalogs/{catalog}/entries/{code}")
    String entry(@PathVariable String catalog, @PathVariable String code, @RequestParam(required = false) String asOf, Model model) {
        entryModel(reading, catalog, code, asOf, model, false);
        return "catalog/entry";
    }

    static void entryModel(CatalogReading reading, String catalog, String code, String asOfText, Model model, boolean admin) {
        CatalogDefinition definition = reading.definition(catalog);
        LocalDate asOf = CatalogApiController.asOf(asOfText);
        List<CatalogStore.VersionRecord> history = reading.history(catalog, code);
        if (history.isEmpty()) {
            throw CatalogProblems.problem(org.springframework.http.HttpStatus.NOT_FOUND, "unknown-entry",
                    "Không tìm thấy mục danh mục", "Danh mục '%s' không có mục mã '%s'".formatted(catalog, code));
        }
        List<CatalogEntry> versions = history.stream().filter(v -> v.supersededBy() == null)
                .map(CatalogStore.VersionRecord::entry).sorted(Comparator.comparing(CatalogEntry::validFrom)).toList();
        CatalogEntry shown = versions.stream().filter(v -> v.isValidOn(asOf)).findFirst().orElse(versions.get(versions.size() - 1));
        model.addAttribute("definition", definition);
        model.addAttribute("asOf", asOf);
        model.addAttribute("admin", admin);
        model.addAttribute("base", admin ? "/admin/catalogs/" + catalog : "/catalogs/" + catalog);
        model.addAttribute("entry", shown);
        model.addAttribute("validOnDate", shown.isValidOn(asOf));
        model.addAttribute("versions", versions);
        model.addAttribute("parent", shown.parentCode() == null ? null
                : reading.entry(catalog, shown.parentCode(), shown.validFrom()).orElse(null));
        model.addAttribute("children", reading.entries(catalog, new EntryQuery(shown.isValidOn(asOf) ? asOf : shown.validFrom(),
                null, code, false, 0, EntryQuery.MAX_PAGE_SIZE)).items());
        model.addAttribute("successions", reading.successionsOf(catalog, code));
        model.addAttribute("lineage", reading.lineage(catalog, code, shown.isValidOn(asOf) ? asOf : shown.validFrom()).orElse(null));
        model.addAttribute("changes", reading.changes(catalog, code, 50));
    }
}
