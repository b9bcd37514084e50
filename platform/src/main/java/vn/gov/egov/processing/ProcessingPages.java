package vn.gov.egov.processing;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.dossier.DossierDocument;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.eform.ProcedureForms;
import vn.gov.egov.dossier.MissingItem;
import vn.gov.egov.identity.Official;

/** The officials' pages: the work queues, the whole dossier with the acts open to them, the control sheet. */
@Controller
@RequestMapping("/processing")
class ProcessingPages {

    /** The officials' second factor (see identity): only officials who completed it reach these pages. */
    private static final String SECOND_FACTOR = "FACTOR_TOTP";

    private final WorkingOnTasks work;
    private final ProcessingViews views;
    private final ControlSheet sheet;
    private final DossierProgress progress;
    private final DossierFiles files;
    private final ProcedureForms forms;

    ProcessingPages(WorkingOnTasks work, ProcessingViews views, ControlSheet sheet, DossierProgress progress, DossierFiles files,
                    ProcedureForms forms) {
        this.forms = forms;
        this.work = work;
        this.views = views;
        this.sheet = sheet;
        this.progress = progress;
        this.files = files;
    }

    private Official official(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(SECOND_FACTOR::equals)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        if (auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(ProcessingApi.ROLES::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Trang dành cho cán bộ giải quyết hồ sơ");
        }
        return work.official(auth.getName());
    }

    @GetMapping
    String queues(Authentication auth, Model model) {
        if (auth == null || auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(SECOND_FACTOR::equals)) {
            return "redirect:/login";
        }
        Official me = official(auth);
        ProcessingViews.Queues queues = views.queues(me);
        model.addAttribute("official", me);
        model.addAttribute("mine", queues.mine());
        model.addAttribute("unit", queues.unit());
        model.addAttribute("myGroups", Groups.of(me));
        model.addAttribute("alerts", queues.alerts());
        return "processing/queue";
    }

    @GetMapping("/dossiers/{code}")
    String dossier(Authentication auth, @PathVariable String code, Model model) {
        if (auth == null || auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(SECOND_FACTOR::equals)) {
            return "redirect:/login";
        }
        Official me = official(auth);
        ProcessingViews.DossierView view = views.dossier(me, code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("code", code);
        model.addAttribute("view", view);
        model.addAttribute("dossier", view.detail());
        model.addAttribute("formLines", forms.lines(view.detail().summary().procedureCode(), view.detail().formVersion(),
                view.detail().form()));
        model.addAttribute("today", LocalDate.now(vn.gov.egov.calendar.WorkingCalendar.ZONE));
        return "processing/dossier";
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(Authentication auth, @PathVariable UUID id, RedirectAttributes redirect) {
        official(auth);
        return act(redirect, id, () -> work.claim(auth.getName(), id), "Đã nhận xử lý bước.");
    }

    @PostMapping("/tasks/{id}/assignment")
    String assign(Authentication auth, @PathVariable UUID id, @RequestParam(defaultValue = "") String assignee, RedirectAttributes redirect) {
        official(auth);
        return act(redirect, id, () -> work.assign(auth.getName(), id, assignee), "Đã phân công " + assignee.strip() + ".");
    }

    @PostMapping("/tasks/{id}/decision")
    String decide(Authentication auth, @PathVariable UUID id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String resultTitle,
                  @RequestParam(required = false) String comment, HttpServletRequest request, RedirectAttributes redirect) {
        official(auth);
        List<MissingItem> missing = missing(request.getParameterValues("what"), request.getParameterValues("why"));
        String label = Optional.ofNullable(Decision.parse(decision)).map(Decision::vietnameseName).orElse(decision);
        return act(redirect, id, () -> work.decide(auth.getName(), id, new WorkingOnTasks.DecisionRequest(decision, reason, missing,
                resultTitle, comment)), "Đã thực hiện: " + label + ".");
    }

    /** The rows filled in ({@code what} with its {@code why}, in order); rows left empty are not asked for. */
    static List<MissingItem> missing(String[] what, String[] why) {
        List<MissingItem> items = new java.util.ArrayList<>();
        for (int i = 0; what != null && i < what.length; i++) {
            String reason = why != null && i < why.length && why[i] != null ? why[i].strip() : "";
            if (what[i] != null && !what[i].isBlank()) {
                items.add(new MissingItem(what[i].strip(), reason));
            } else if (!reason.isEmpty()) {
                items.add(new MissingItem("", reason)); // a reason without its paper: refused, naming the row
            }
        }
        return items;
    }

    @PostMapping("/dossiers/{code}/comments")
    String comment(Authentication auth, @PathVariable String code, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        visible(auth, code);
        return actOn(redirect, code, () -> work.comment(auth.getName(), code, text), "Đã ghi ý kiến.");
    }

    @PostMapping("/dossiers/{code}/papers")
    String paper(Authentication auth, @PathVariable String code, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        visible(auth, code);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "Tài liệu làm việc: hãy chọn một tệp PDF hoặc ảnh.");
            return "redirect:/processing/dossiers/" + code;
        }
        return actOn(redirect, code, () -> {
            try {
                work.attachPaper(auth.getName(), code, new Upload("paper", file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "Đã đính kèm tài liệu làm việc.");
    }

    @PostMapping("/dossiers/{code}/reschedule")
    String reschedule(Authentication auth, @PathVariable String code, @RequestParam(defaultValue = "") String reason,
                      @RequestParam(defaultValue = "") String newAppointment, RedirectAttributes redirect) {
        visible(auth, code);
        LocalDate date;
        try {
            date = newAppointment.isBlank() ? null : LocalDate.parse(newAppointment.strip());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "Ngày hẹn mới: không đúng dạng ngày (năm-tháng-ngày).");
            return "redirect:/processing/dossiers/" + code;
        }
        return actOn(redirect, code, () -> work.reschedule(auth.getName(), code, reason, date), "Đã lập phiếu xin lỗi và hẹn lại ngày trả kết quả.");
    }

    @GetMapping("/dossiers/{code}/control-sheet.pdf")
    ResponseEntity<byte[]> controlSheet(Authentication auth, @PathVariable String code) {
        Official me = official(auth);
        ProcessingViews.DossierView view = views.dossier(me, code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ProcessingApi.pdf(sheet.print(view.detail(), views.history(view.processing().dossierId()), Instant.now()),
                "phieu-kiem-soat-" + code + ".pdf");
    }

    @GetMapping("/dossiers/{code}/files/{sha256}")
    ResponseEntity<byte[]> file(Authentication auth, @PathVariable String code, @PathVariable String sha256) {
        ProcessingStore.ProcessedDossier d = visible(auth, code);
        ProcessingViews.DossierView view = views.dossier(work.official(auth.getName()), code).orElseThrow();
        String fileName = code + ".pdf";
        String mediaType = "application/pdf";
        for (DossierDocument doc : view.detail().documents()) {
            if (doc.sha256().equals(sha256)) {
                fileName = doc.fileName();
                mediaType = doc.mediaType();
            }
        }
        Optional<byte[]> content = progress.content(d.dossierId(), sha256);
        if (content.isEmpty()) {
            Optional<ProcessingStore.WorkingPaper> paper = view.papers().stream().filter(p -> p.sha256().equals(sha256)).findFirst();
            if (paper.isPresent()) {
                fileName = paper.get().fileName();
                mediaType = paper.get().mediaType();
                content = files.content(sha256);
            }
        }
        byte[] bytes = content.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(bytes);
    }

    private ProcessingStore.ProcessedDossier visible(Authentication auth, String code) {
        return views.visible(official(auth), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String act(RedirectAttributes redirect, UUID stepId, Runnable action, String done) {
        ProcessingStep step = views.step(stepId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String code = views.code(step);
        return actOn(redirect, code, action, done);
    }

    private static String actOn(RedirectAttributes redirect, String code, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (TaskRefused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/processing/dossiers/" + code;
    }
}
