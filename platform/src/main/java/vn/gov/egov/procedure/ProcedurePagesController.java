package vn.gov.egov.procedure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.EntryQuery;
import vn.gov.egov.catalog.SharedCatalogs;

/** The public pages: search the procedures (diacritics optional), filter them, and read one in full. */
@Controller
class ProcedurePagesController {

    private final ProcedureReading reading;
    private final SharedCatalogs catalogs;

    ProcedurePagesController(ProcedureReading reading, SharedCatalogs catalogs) {
        this.reading = reading;
        this.catalogs = catalogs;
    }

    record Sector(CatalogEntry sector, List<CatalogEntry> fields) {
    }

    record Option(String code, String name) {
    }

    @GetMapping("/procedures")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
                  @RequestParam(required = false) String agency, @RequestParam(required = false) String level,
                  @RequestParam(defaultValue = "0") String page, Model model) {
        ProcedureQuery query = ProcedureApiController.query(q, field, agency, level, null, page, "50", null);
        LocalDate asOf = query.asOf();
        List<CatalogEntry> all = catalogs.entries(ImportingProcedures.FIELDS, EntryQuery.all(asOf)).items();
        Map<String, Sector> sectors = new LinkedHashMap<>();
        all.stream().filter(e -> e.parentCode() == null).forEach(e -> sectors.put(e.code(), new Sector(e, new java.util.ArrayList<>())));
        all.stream().filter(e -> e.parentCode() != null && sectors.containsKey(e.parentCode()))
                .forEach(e -> sectors.get(e.parentCode()).fields().add(e));
        model.addAttribute("sectors", sectors.values());
        model.addAttribute("agencies", reading.agenciesInUse(asOf).stream()
                .map(code -> new Option(code, reading.name(ImportingProcedures.AGENCIES, code, asOf))).toList());
        model.addAttribute("levels", List.of(ProcedureLevel.PROVINCE, ProcedureLevel.COMMUNE));
        model.addAttribute("q", query.text());
        model.addAttribute("field", query.field());
        model.addAttribute("agency", query.agency());
        model.addAttribute("level", query.level());
        model.addAttribute("result", reading.search(query));
        return "procedure/search";
    }

    @GetMapping("/procedures/{code}")
    String procedure(@PathVariable String code, @RequestParam(required = false) String asOf, Model model) {
        LocalDate date = ProcedureApiController.asOf(asOf);
        List<Procedure> versions = reading.versions(code);
        Procedure shown = versions.stream().filter(v -> v.isValidOn(date)).findFirst()
                .orElseGet(() -> versions.isEmpty() ? null : versions.get(versions.size() - 1));
        if (shown == null) {
            throw ProcedureProblems.unknownProcedure(code, date);
        }
        LocalDate namesOn = shown.isValidOn(date) ? date : shown.validFrom();
        model.addAttribute("p", shown);
        model.addAttribute("asOf", date);
        model.addAttribute("validOnDate", shown.isValidOn(date));
        model.addAttribute("versions", versions);
        model.addAttribute("fieldName", reading.name(ImportingProcedures.FIELDS, shown.fieldCode(), namesOn));
        model.addAttribute("competentName", reading.name(ImportingProcedures.AGENCIES, shown.competentAgency(), namesOn));
        model.addAttribute("implementing", shown.implementingAgencies().stream()
                .map(a -> new Option(a, reading.name(ImportingProcedures.AGENCIES, a, namesOn))).toList());
        return "procedure/procedure";
    }
}
