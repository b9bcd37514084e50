package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.ui.Model;

/** What the catalog pages show, shared by the public pages and the administrator's. */
final class CatalogPages {

    record TreeNode(CatalogEntry entry, List<TreeNode> children) {
        int size() {
            return 1 + children.stream().mapToInt(TreeNode::size).sum();
        }
    }

    record SearchHit(CatalogEntry entry, List<CatalogEntry> path) {
    }

    private CatalogPages() {
    }

    static List<TreeNode> tree(List<CatalogEntry> entries) {
        Map<String, List<CatalogEntry>> byParent = new HashMap<>();
        Set<String> codes = entries.stream().map(CatalogEntry::code).collect(Collectors.toSet());
        List<CatalogEntry> roots = new ArrayList<>();
        for (CatalogEntry e : entries) {
            if (e.parentCode() == null || !codes.contains(e.parentCode())) {
                roots.add(e);
            } else {
                byParent.computeIfAbsent(e.parentCode(), p -> new ArrayList<>()).add(e);
            }
        }
        return roots.stream().sorted(Comparator.comparing(CatalogEntry::code)).map(r -> node(r, byParent, 0)).toList();
    }

    private static TreeNode node(CatalogEntry entry, Map<String, List<CatalogEntry>> byParent, int depth) {
        List<TreeNode> children = depth > 20 ? List.of() : byParent.getOrDefault(entry.code(), List.of()).stream()
                .sorted(Comparator.comparing(CatalogEntry::code)).map(c -> node(c, byParent, depth + 1)).toList();
        return new TreeNode(entry, children);
    }

    static List<CatalogEntry> path(CatalogEntry entry, Map<String, CatalogEntry> byCode) {
        List<CatalogEntry> path = new ArrayList<>();
        String parent = entry.parentCode();
        while (parent != null && path.size() < 20) {
            CatalogEntry p = byCode.get(parent);
            if (p == null) {
                break;
            }
            path.add(0, p);
            parent = p.parentCode();
        }
        return path;
    }

    static void browse(Model model, CatalogReading reading, String catalog, String asOfText, String q, boolean admin) {
        CatalogDefinition definition = reading.definition(catalog);
        LocalDate asOf = CatalogApiController.asOf(asOfText);
        List<CatalogEntry> all = reading.entries(catalog, EntryQuery.all(asOf)).items();
        model.addAttribute("definition", definition);
        model.addAttribute("asOf", asOf);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("admin", admin);
        model.addAttribute("base", admin ? "/admin/catalogs/" + catalog : "/catalogs/" + catalog);
        model.addAttribute("revision", reading.revision(catalog));
        model.addAttribute("total", all.size());
        if (q != null && !q.isBlank()) {
            Map<String, CatalogEntry> byCode = all.stream().collect(Collectors.toMap(CatalogEntry::code, e -> e, (a, b) -> a));
            List<SearchHit> hits = reading.entries(catalog, new EntryQuery(asOf, q, null, false, 0, 500)).items().stream()
                    .map(e -> new SearchHit(e, path(e, byCode))).toList();
            model.addAttribute("hits", hits);
        } else if (definition.hierarchical()) {
            model.addAttribute("tree", tree(all));
        } else {
            model.addAttribute("entries", all);
        }
    }
}
