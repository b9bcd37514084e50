package vn.gov.egov.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The auditor's page: search the trail with filters, and verify the chain. */
@Controller
@RequestMapping("/admin/audit")
class AuditPage {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(AuditQuery.VIETNAM);

    /** An entry as the table shows it. */
    record Row(long sequence, String at, String isoAt, EntryContent content, String changed, String details, String hash) {

        static Row of(AuditEntry e) {
            EntryContent c = e.content();
            String changed = c.changedFields().entrySet().stream()
                    .map(f -> f.getValue().before() == null && f.getValue().after() == null ? f.getKey()
                            : f.getKey() + ": " + text(f.getValue().before()) + " → " + text(f.getValue().after()))
                    .collect(Collectors.joining("; "));
            String details = c.details().entrySet().stream()
                    .filter(d -> d.getValue() != null && !d.getValue().isEmpty())
                    .map(d -> d.getKey() + "=" + d.getValue())
                    .collect(Collectors.joining("; "));
            return new Row(e.sequence(), MOMENT.format(c.at()), CanonicalJson.instant(c.at()), c, changed, details, e.hash());
        }

        private static String text(String value) {
            return value == null ? "∅" : value;
        }
    }

    /** The filters as typed, to fill the form again. */
    record Filters(String from, String to, String actor, String action, String objectType, String objectId, String outcome) {
    }

    private final ReadingAudit reading;

    AuditPage(ReadingAudit reading) {
        this.reading = reading;
    }

    @GetMapping
    String search(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
                  @RequestParam(required = false) String outcome, @RequestParam(required = false) String page,
                  Model model, HttpServletResponse response) {
        Filters filters = new Filters(from, to, actor, action, objectType, objectId, outcome);
        model.addAttribute("filters", filters);
        model.addAttribute("outcomes", Outcome.values());
        AuditQuery query;
        try {
            query = AuditParameters.query(from, to, actor, action, objectType, objectId, outcome, page, null);
        } catch (ErrorResponseException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("filterError", e.getBody().getDetail());
            model.addAttribute("rows", List.of());
            model.addAttribute("total", 0L);
            return "audit/trail";
        }
        AuditStore.Found found = reading.search(query);
        model.addAttribute("rows", found.items().stream().map(Row::of).toList());
        model.addAttribute("total", found.total());
        model.addAttribute("page", query.page());
        model.addAttribute("pages", Math.max(1, (found.total() + query.size() - 1) / query.size()));
        if (query.page() > 0) {
            model.addAttribute("previousUrl", url(filters, query.page() - 1));
        }
        if ((long) (query.page() + 1) * query.size() < found.total()) {
            model.addAttribute("nextUrl", url(filters, query.page() + 1));
        }
        return "audit/trail";
    }

    @PostMapping("/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", reading.verify());
        return "redirect:/admin/audit";
    }

    private static String url(Filters f, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/audit");
        Map.of("from", nullToEmpty(f.from()), "to", nullToEmpty(f.to()), "actor", nullToEmpty(f.actor()),
                        "action", nullToEmpty(f.action()), "objectType", nullToEmpty(f.objectType()),
                        "objectId", nullToEmpty(f.objectId()), "outcome", nullToEmpty(f.outcome()))
                .entrySet().stream()
                .filter(e -> !e.getValue().isBlank())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> url.queryParam(e.getKey(), e.getValue()));
        return url.queryParam("page", page).encode().build().toUriString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
