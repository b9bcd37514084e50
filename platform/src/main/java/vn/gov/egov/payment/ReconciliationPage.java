package vn.gov.egov.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.gov.egov.calendar.WorkingCalendar;

/** The province administrator's reconciliation page: run it for a day, see every mismatch, download it as CSV. */
@Controller
class ReconciliationPage {

    private final Reconciling reconciling;
    private final Clock clock = Clock.system(WorkingCalendar.ZONE);

    ReconciliationPage(Reconciling reconciling) {
        this.reconciling = reconciling;
    }

    @GetMapping("/admin/payments/reconciliation")
    String page(@RequestParam(required = false) UUID report, Model model) {
        List<Reconciling.Report> recent = reconciling.recent(30);
        UUID shown = report != null ? report : recent.isEmpty() ? null : recent.get(0).id();
        model.addAttribute("recent", recent);
        model.addAttribute("report", shown == null ? null : reconciling.report(shown).orElse(null));
        if (!model.containsAttribute("date")) {
            model.addAttribute("date", LocalDate.now(clock).minusDays(1).toString());
        }
        return "payment/reconciliation";
    }

    @PostMapping("/admin/payments/reconciliation")
    String run(Authentication admin, @RequestParam(defaultValue = "") String date, RedirectAttributes redirect) {
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("problem", "Ngày đối soát: nhập ngày dạng năm-tháng-ngày, ví dụ 2026-11-26");
            redirect.addFlashAttribute("date", date);
            return "redirect:/admin/payments/reconciliation";
        }
        if (day.isAfter(LocalDate.now(clock))) {
            redirect.addFlashAttribute("problem", "Ngày đối soát: không được sau ngày hôm nay");
            redirect.addFlashAttribute("date", date);
            return "redirect:/admin/payments/reconciliation";
        }
        try {
            Reconciling.Report report = reconciling.reconcile(day, admin.getName());
            redirect.addFlashAttribute("done", "Đã đối soát ngày %s: %d giao dịch PayGov, %d sai lệch."
                    .formatted(day, report.paygovRows(), report.mismatches()));
            return "redirect:/admin/payments/reconciliation?report=" + report.id();
        } catch (PaygovClient.Unavailable e) {
            redirect.addFlashAttribute("problem", "Không đối soát được: " + e.getMessage());
            redirect.addFlashAttribute("date", date);
            return "redirect:/admin/payments/reconciliation";
        }
    }

    @GetMapping("/admin/payments/reconciliation/{id}.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        Reconciling.Report report = reconciling.report(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("doi-soat-paygov-" + report.date() + ".csv").build().toString())
                .body(Reconciling.csv(report).getBytes(StandardCharsets.UTF_8));
    }
}
