package vn.gov.egov.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.identity.Official;
import vn.gov.egov.identity.Officials;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Officials officials;
    private final SharedCatalogs catalogs;

    HomeController(Officials officials, SharedCatalogs catalogs) {
        this.officials = officials;
        this.catalogs = catalogs;
    }

    /** One agency position as the workspace shows it: the role, the title if any, and the agency's (and unit's) name today. */
    record PositionView(String role, String title, String agencyCode, String agencyName, String unitName) {
    }

    @GetMapping("/")
    String home() {
        return "web/home";
    }

    /** The official's workspace: their positions, and only what their roles and agencies let them do. */
    @GetMapping("/workspace")
    String workspace(Principal principal, Model model) {
        LocalDate today = LocalDate.now(VIETNAM);
        Optional<Official> official = principal == null ? Optional.empty() : officials.byUsername(principal.getName());
        model.addAttribute("official", official.orElse(null));
        model.addAttribute("positions", official.map(o -> o.positions().stream().map(p -> new PositionView(p.role().vietnameseName(),
                p.title(), p.agencyCode(), name(p.agencyCode(), today), p.unitCode() == null ? null : name(p.unitCode(), today))).toList())
                .orElse(List.of()));
        return "web/workspace";
    }

    private String name(String agencyCode, LocalDate today) {
        return catalogs.entry("agencies", agencyCode, today).map(CatalogEntry::name).orElse(agencyCode);
    }
}
