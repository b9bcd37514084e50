package vn.gov.national.simulator.nationalportal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.gov.national.simulator.JsonBodyCheck;

/** The simulated national portal's page: dossiers waiting for the province and the latest status reports. */
@Controller
class NationalPortalPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(JsonBodyCheck.VIETNAM);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final NationalPortal portal;

    NationalPortalPage(NationalPortal portal) {
        this.portal = portal;
    }

    @GetMapping({"/national-portal", "/national-portal/"})
    String page(Model model) {
        model.addAttribute("waiting", portal.waitingDossiers().stream().map(d -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", d.portalDossierId);
            row.put("submittedAt", time(d.submittedAt));
            row.put("procedureCode", d.submission.procedureCode());
            row.put("agencyCode", d.submission.agencyCode());
            row.put("applicant", d.submission.person().path("fullName").asString(""));
            row.put("documents", String.valueOf(d.submission.documents().size()));
            return row;
        }).toList());
        model.addAttribute("reports", portal.latestReports(30).stream().map(r -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("dossierCode", r.dossierCode());
            row.put("procedureCode", r.procedureCode());
            row.put("channel", switch (r.channel()) {
                case 1 -> "Trực tiếp";
                case 2 -> "Trực tuyến";
                default -> "Bưu chính công ích";
            });
            row.put("status", r.status() + (r.statusText() == null ? "" : " – " + r.statusText()));
            row.put("at", time(r.at()));
            row.put("appointmentDate", r.appointmentDate() == null ? "" : DATE.format(r.appointmentDate()));
            return row;
        }).toList());
        return "national-portal/home";
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
