package vn.gov.egov.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** The administrator's pages: browse, search and edit every catalog, import and export, see who changed what. */
@Controller
@RequestMapping("/admin/catalogs")
class CatalogAdminController {

    static final long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

    private final CatalogReading reading;
    private final ManagingCatalogs managing;
    private final ObjectMapper json;

    CatalogAdminController(CatalogReading reading, ManagingCatalogs managing, ObjectMapper json) {
        this.reading = reading;
        this.managing = managing;
        this.json = json;
    }

    @GetMapping
    String catalogs(Model model) {
        model.addAttribute("catalogs", reading.catalogs());
        model.addAttribute("admin", true);
        return "catalog/index";
    }

    @PostMapping
    String define(@RequestParam String definitionJson, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            CatalogDefinition definition = json.readValue(definitionJson, CatalogDefinition.class);
            managing.define(definition, principal.getName());
            redirect.addFlashAttribute("message", "Đã lưu định nghĩa danh mục " + definition.code());
            return "redirect:/admin/catalogs/" + definition.code();
        } catch (JacksonException e) {
            model.addAttribute("errors", List.of(RowError.of(null, "definitionJson", "malformed-json", "JSON không hợp lệ: " + e.getOriginalMessage())));
        } catch (CatalogProblems.ChangeRefused e) {
            model.addAttribute("errors", e.errors());
        }
        model.addAttribute("definitionJson", definitionJson);
        return catalogs(model);
    }

    @GetMapping("/{catalog}")
    String catalog(@PathVariable String catalog, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String q, Model model) {
        CatalogPages.browse(model, reading, catalog, asOf, q, true);
        return "catalog/catalog";
    }

    @PostMapping("/{catalog}/import")
    String importFile(@PathVariable String catalog, @RequestParam("file") MultipartFile file,
                      @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String reason,
                      Principal principal, Model model) throws IOException {
        CatalogPages.browse(model, reading, catalog, null, null, true);
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (file.isEmpty()) {
            model.addAttribute("importErrors", List.of(RowError.of(null, "file", "required", "Chưa chọn tệp để nhập")));
            return "catalog/catalog";
        }
        if (file.getSize() > MAX_IMPORT_BYTES) {
            model.addAttribute("importErrors", List.of(RowError.of(null, "file", "max-size", "Tệp lớn hơn 10 MB")));
            return "catalog/catalog";
        }
        ManagingCatalogs.Format format = name.toLowerCase().endsWith(".json") ? ManagingCatalogs.Format.JSON : ManagingCatalogs.Format.CSV;
        try {
            ApplyingChanges.Result result = managing.importFile(catalog, format,
                    new String(file.getBytes(), StandardCharsets.UTF_8), name, reason, dryRun, principal.getName());
            model.addAttribute("importResult", result);
            CatalogPages.browse(model, reading, catalog, null, null, true);
        } catch (CatalogProblems.ChangeRefused e) {
            model.addAttribute("importErrors", e.errors());
        }
        return "catalog/catalog";
    }

    @GetMapping("/{catalog}/entries/{code}")
    String entry(@PathVariable String catalog, @PathVariable String code, @RequestParam(required = false) String asOf, Model model) {
        CatalogPagesController.entryModel(reading, catalog, code, asOf, model, true);
        CatalogEntry shown = (CatalogEntry) model.getAttribute("entry");
        model.addAttribute("form", formOf(shown, LocalDate.now(CatalogReading.VIETNAM).toString()));
        return "catalog/entry";
    }

    @GetMapping("/{catalog}/new")
    String newEntry(@PathVariable String catalog, @RequestParam(required = false) String parent, Model model) {
        model.addAttribute("definition", reading.definition(catalog));
        model.addAttribute("form", new LinkedHashMap<>(Map.of("parentCode", parent == null ? "" : parent,
                "effectiveFrom", LocalDate.now(CatalogReading.VIETNAM).toString())));
        model.addAttribute("admin", true);
        return "catalog/new-entry";
    }

    @PostMapping("/{catalog}/entries")
    String create(@PathVariable String catalog, @RequestParam Map<String, String> form, Principal principal, Model model,
                  RedirectAttributes redirect) {
        String code = form.getOrDefault("code", "").strip();
        if (code.isEmpty()) {
            model.addAttribute("definition", reading.definition(catalog));
            model.addAttribute("form", form);
            model.addAttribute("admin", true);
            model.addAttribute("errors", List.of(RowError.of(null, "code", "required", "Thiếu mã")));
            return "catalog/new-entry";
        }
        if (reading.versions(catalog, code).stream().findAny().isPresent()) {
            model.addAttribute("definition", reading.definition(catalog));
            model.addAttribute("form", form);
            model.addAttribute("admin", true);
            model.addAttribute("errors", List.of(RowError.of(null, "code", "duplicate", "Mã '%s' đã có trong danh mục; hãy sửa mục đó".formatted(code))));
            return "catalog/new-entry";
        }
        try {
            managing.edit(catalog, code, edit(form), principal.getName());
            redirect.addFlashAttribute("message", "Đã thêm mục " + code);
            return "redirect:/admin/catalogs/" + catalog + "/entries/" + code;
        } catch (CatalogProblems.ChangeRefused e) {
            model.addAttribute("definition", reading.definition(catalog));
            model.addAttribute("form", form);
            model.addAttribute("admin", true);
            model.addAttribute("errors", e.errors());
            return "catalog/new-entry";
        }
    }

    @PostMapping("/{catalog}/entries/{code}")
    String edit(@PathVariable String catalog, @PathVariable String code, @RequestParam Map<String, String> form,
                Principal principal, Model model, RedirectAttributes redirect) {
        try {
            managing.edit(catalog, code, edit(form), principal.getName());
            redirect.addFlashAttribute("message", "Đã lưu phiên bản mới của mục %s từ ngày %s".formatted(code, form.get("effectiveFrom")));
            return "redirect:/admin/catalogs/" + catalog + "/entries/" + code + "?asOf=" + form.get("effectiveFrom");
        } catch (CatalogProblems.ChangeRefused e) {
            CatalogPagesController.entryModel(reading, catalog, code, null, model, true);
            model.addAttribute("form", form);
            model.addAttribute("errors", e.errors());
            return "catalog/entry";
        }
    }

    @PostMapping("/{catalog}/entries/{code}/retire")
    String retire(@PathVariable String catalog, @PathVariable String code, @RequestParam String retireOn,
                  @RequestParam(required = false) String retireReason, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            LocalDate on;
            try {
                on = LocalDate.parse(retireOn);
            } catch (RuntimeException e) {
                throw new CatalogProblems.ChangeRefused(catalog,
                        List.of(RowError.of(null, "retireOn", "date-format", "Ngày kết thúc hiệu lực phải có dạng YYYY-MM-DD")));
            }
            managing.retire(catalog, code, on, retireReason, principal.getName());
            redirect.addFlashAttribute("message", "Mục %s hết hiệu lực từ ngày %s".formatted(code, on));
            return "redirect:/admin/catalogs/" + catalog + "/entries/" + code;
        } catch (CatalogProblems.ChangeRefused e) {
            CatalogPagesController.entryModel(reading, catalog, code, null, model, true);
            model.addAttribute("form", formOf((CatalogEntry) model.getAttribute("entry"), LocalDate.now(CatalogReading.VIETNAM).toString()));
            model.addAttribute("retireErrors", e.errors());
            return "catalog/entry";
        }
    }

    @GetMapping("/{catalog}/changes")
    String changes(@PathVariable String catalog, Model model) {
        model.addAttribute("definition", reading.definition(catalog));
        model.addAttribute("changes", reading.changes(catalog, null, 500));
        model.addAttribute("admin", true);
        return "catalog/changes";
    }

    private static ManagingCatalogs.EntryEdit edit(Map<String, String> form) {
        Map<String, String> attributes = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("attr_")) {
                attributes.put(key.substring(5), value);
            }
        });
        return new ManagingCatalogs.EntryEdit(form.get("name"), form.get("nameEn"), form.get("parentCode"),
                form.get("effectiveFrom"), form.get("validTo"), attributes, form.get("reason"));
    }

    private static Map<String, String> formOf(CatalogEntry entry, String effectiveFrom) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", entry.name());
        form.put("nameEn", entry.nameEn() == null ? "" : entry.nameEn());
        form.put("parentCode", entry.parentCode() == null ? "" : entry.parentCode());
        form.put("effectiveFrom", effectiveFrom);
        entry.attributes().forEach((k, v) -> form.put("attr_" + k, v));
        return form;
    }
}
