package vn.gov.egov.identity;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' pages for officials: the list of those they manage, one official, and every change. */
@Controller
@RequestMapping("/admin/officials")
class OfficialsPageController {

    private final ManagingOfficials managing;

    OfficialsPageController(ManagingOfficials managing) {
        this.managing = managing;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String agency, Principal principal,
                Model model) {
        return listPage(principal.getName(), q, agency, Map.of(), Map.of(), model);
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, Principal principal, Model model) {
        try {
            ManagingOfficials.Created created = managing.create(principal.getName(), new ManagingOfficials.NewOfficial(
                    form.get("username"), form.get("fullName"), form.get("email"), form.get("agencyCode"),
                    "set".equals(form.get("passwordChoice")) ? form.get("password") : null, form.get("role"), form.get("unitCode"),
                    form.get("title"), form.get("mobile")));
            // shown once, on this answer only: never stored in the session
            model.addAttribute("generatedPassword", created.generatedPassword());
            model.addAttribute("notice", "officials.created");
            return officialPage(principal.getName(), created.official().username(), Map.of(), Map.of(), model);
        } catch (ErrorResponseException e) {
            Map<String, String> values = new LinkedHashMap<>(form);
            values.remove("password");
            values.remove("_csrf");
            return listPage(principal.getName(), null, null, errors(e, "username"), values, model);
        }
    }

    @GetMapping("/{username}")
    String official(@PathVariable String username, Principal principal, Model model) {
        return officialPage(principal.getName(), username, Map.of(), Map.of(), model);
    }

    @PostMapping("/{username}/positions")
    String grant(@PathVariable String username, @RequestParam Map<String, String> form, Principal principal, Model model,
                 RedirectAttributes redirect) {
        try {
            ManagingOfficials.PositionView granted = managing.grant(principal.getName(), username,
                    new ManagingOfficials.PositionRequest(form.get("role"), form.get("agencyCode"), form.get("unitCode"),
                            form.get("title")));
            redirect.addFlashAttribute("notice", "officials.granted");
            redirect.addFlashAttribute("noticeArgument", granted.roleName() + " – " + granted.agencyName());
            return "redirect:/admin/officials/" + username;
        } catch (ErrorResponseException e) {
            rethrowNotFound(e);
            Map<String, String> values = new LinkedHashMap<>(form);
            values.remove("_csrf");
            return officialPage(principal.getName(), username, errors(e, "role"), values, model);
        }
    }

    @PostMapping("/{username}/positions/{id}/title")
    String retitle(@PathVariable String username, @PathVariable long id, @RequestParam(required = false) String title,
                   Principal principal, RedirectAttributes redirect) {
        return act(username, redirect, "officials.retitled", () -> managing.retitle(principal.getName(), username, id, title));
    }

    @PostMapping("/{username}/positions/{id}/revoke")
    String revoke(@PathVariable String username, @PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return act(username, redirect, "officials.revoked", () -> managing.revoke(principal.getName(), username, id));
    }

    @PostMapping("/{username}/contact")
    String contact(@PathVariable String username, @RequestParam(required = false) String email,
                   @RequestParam(required = false) String mobile, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            managing.contact(principal.getName(), username, new ManagingOfficials.Contact(email, mobile));
            redirect.addFlashAttribute("notice", "officials.contactChanged");
            return "redirect:/admin/officials/" + username;
        } catch (ErrorResponseException e) {
            rethrowNotFound(e);
            Object fieldErrors = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("errors");
            if (fieldErrors == null) {
                redirect.addFlashAttribute("problem", e.getBody().getDetail());
                return "redirect:/admin/officials/" + username;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("email", email == null ? "" : email);
            values.put("mobile", mobile == null ? "" : mobile);
            model.addAttribute("contactErrors", errors(e, "email"));
            model.addAttribute("contactForm", values);
            return officialPage(principal.getName(), username, Map.of(), Map.of(), model);
        }
    }

    @PostMapping("/{username}/disable")
    String disable(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
        return act(username, redirect, "officials.disabled", () -> managing.disable(principal.getName(), username));
    }

    @PostMapping("/{username}/enable")
    String enable(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
        return act(username, redirect, "officials.enabled", () -> managing.enable(principal.getName(), username));
    }

    @PostMapping("/{username}/reset-second-factor")
    String resetSecondFactor(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
        return act(username, redirect, "officials.secondFactorReset", () -> managing.resetSecondFactor(principal.getName(), username));
    }

    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
        return act(username, redirect, "officials.unlocked", () -> managing.unlock(principal.getName(), username));
    }

    private String act(String username, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ErrorResponseException e) {
            rethrowNotFound(e);
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/admin/officials/" + username;
    }

    private String listPage(String actor, String q, String agency, Map<String, String> errors, Map<String, String> form, Model model) {
        model.addAttribute("officials", managing.list(actor, q, agency));
        model.addAttribute("q", q);
        model.addAttribute("agency", agency);
        choices(actor, model);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "identity/officials";
    }

    private String officialPage(String actor, String username, Map<String, String> errors, Map<String, String> form, Model model) {
        ManagingOfficials.Official official = managing.get(actor, username);
        model.addAttribute("official", official);
        model.addAttribute("self", official.username().equals(OfficialAccounts.normalize(actor)));
        model.addAttribute("zone", java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        choices(actor, model);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form.isEmpty() ? Map.of("agencyCode", official.agencyCode()) : form);
        if (!model.containsAttribute("contactForm")) {
            Map<String, String> contact = new LinkedHashMap<>();
            contact.put("email", official.email() == null ? "" : official.email());
            contact.put("mobile", official.mobile() == null ? "" : official.mobile());
            model.addAttribute("contactForm", contact);
            model.addAttribute("contactErrors", Map.of());
        }
        return "identity/official";
    }

    private void choices(String actor, Model model) {
        model.addAttribute("agencies", managing.agencyChoices(actor));
        model.addAttribute("roles", managing.grantableRoles(actor));
        model.addAttribute("provinceAdmin", managing.manager(actor).provinceAdmin());
        model.addAttribute("titles", ManagingOfficials.COMMON_TITLES);
    }

    /** The problem's messages by field; a refusal without fields under {@code general}. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(ErrorResponseException e, String conflictField) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object fields = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("errors");
        if (fields instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof ManagingOfficials.FieldError error) {
                    errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
                }
            }
        } else if (e.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
            errors.put(conflictField, e.getBody().getDetail());
        } else {
            errors.put("general", e.getBody().getDetail());
        }
        return errors;
    }

    private static void rethrowNotFound(ErrorResponseException e) {
        if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            throw e;
        }
    }
}
