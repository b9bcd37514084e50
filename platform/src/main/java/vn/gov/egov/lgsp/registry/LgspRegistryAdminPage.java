package vn.gov.egov.lgsp.registry;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.gov.egov.calendar.WorkingCalendar;

/**
 * The registry's operator pages: members and systems, services and their lifecycle, access requests and rights.
 * The province administrator reads; an agency administrator registers their agency's systems, requests access for
 * them and decides the requests for their agency's services. Each change posts, then redirects with a notice, or
 * back to the form with every refused field named.
 */
@Controller
@RequestMapping("/lgsp/admin/registry")
class LgspRegistryAdminPage {

    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(WorkingCalendar.ZONE);

    private final ManagingRegistry administration;
    private final RegistryReading reading;
    private final RegistryPermissions permissions;
    private final PublicCatalog catalog;
    private final DescriptionRules descriptions;
    private final RegistryStore store;

    LgspRegistryAdminPage(ManagingRegistry administration, RegistryReading reading, RegistryPermissions permissions,
                          PublicCatalog catalog, DescriptionRules descriptions, RegistryStore store) {
        this.administration = administration;
        this.reading = reading;
        this.permissions = permissions;
        this.catalog = catalog;
        this.descriptions = descriptions;
        this.store = store;
    }

    static String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant);
    }

    private void common(Model model, String tab) {
        model.addAttribute("tab", tab);
        model.addAttribute("operator", permissions.isOperator());
        model.addAttribute("seesAll", reading.seesAll());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
    }

    // members and systems

    @GetMapping
    String overview(Model model) {
        common(model, "members");
        model.addAttribute("members", reading.seesAll() ? reading.members() : reading.ownMembers());
        model.addAttribute("ownMembers", reading.ownMembers());
        List<RegistrySubsystem> subsystems = reading.subsystems();
        model.addAttribute("subsystems", subsystems);
        model.addAttribute("kinds", MemberKind.values());
        // mutual TLS: the visible systems' certificates; the form offers the systems the caller acts for
        Map<UUID, List<ClientCertificate>> certificates = reading.certificatesBySystem();
        model.addAttribute("certificates", subsystems.stream().flatMap(s -> certificates.getOrDefault(s.id(), List.of()).stream()
                .map(c -> Map.of("certificate", c, "system", s.path(), "notBefore", moment(c.notBefore()),
                        "notAfter", moment(c.notAfter()), "expired", !c.validAt(Instant.now())))).toList());
        List<RegistryMember> own = reading.ownMembers();
        model.addAttribute("ownSystems", subsystems.stream().filter(s -> own.stream().anyMatch(m -> m.id().equals(s.memberId()))).toList());
        return "lgsp/registry/admin-members";
    }

    @PostMapping("/members")
    String registerMember(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "", () -> {
            RegistryMember member = administration.registerMember(form.get("code"), form.get("name"),
                    LgspCatalogPage.parse(MemberKind.class, form.get("kind")), form.get("agencyCode"));
            return "Đã đăng ký thành viên " + member.code() + " – " + member.name();
        });
    }

    @PostMapping("/subsystems")
    String registerSubsystem(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "", () -> {
            RegistrySubsystem subsystem = administration.registerSubsystem(form.get("member"), form.get("code"), form.get("name"),
                    form.get("clientId"));
            return "Đã đăng ký hệ thống " + subsystem.path();
        });
    }

    @PostMapping("/subsystems/{id}/client")
    String linkClient(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "", () -> {
            RegistrySubsystem subsystem = administration.linkClient(id, form.get("clientId"));
            return subsystem.clientId() == null ? "Đã bỏ liên kết ứng dụng của " + subsystem.path()
                    : "Đã liên kết " + subsystem.path() + " với ứng dụng " + subsystem.clientId();
        });
    }

    @PostMapping("/certificates")
    String registerCertificate(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        // a private key pasted by mistake is never shown back
        Map<String, String> typed = new LinkedHashMap<>(form);
        if (typed.getOrDefault("certificate", "").contains("PRIVATE KEY")) {
            typed.remove("certificate");
        }
        return act(redirect, typed, "", () -> {
            ClientCertificate certificate = administration.registerClientCertificate(uuid(form.get("system"), "system"),
                    form.get("certificate"));
            return "Đã đăng ký chứng thư số " + certificate.subject() + " (SHA-256 " + certificate.thumbprint()
                    + "): từ nay hệ thống phải gọi LGSP qua TLS với chứng thư này";
        });
    }

    @PostMapping("/certificates/{id}/removal")
    String removeCertificate(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "", () -> {
            ClientCertificate certificate = administration.removeClientCertificate(id, form.get("reason"));
            return "Đã gỡ chứng thư số " + certificate.subject();
        });
    }

    // services

    @GetMapping("/services")
    String services(Model model) {
        reading.checkReader();
        common(model, "services");
        model.addAttribute("services", reading.services());
        model.addAttribute("subsystems", reading.subsystems());
        model.addAttribute("levels", SecurityLevel.values());
        return "lgsp/registry/admin-services";
    }

    @PostMapping("/services")
    String registerService(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "/services", () -> {
            permissions.checkOperator("đăng ký dịch vụ");
            String[] system = form.getOrDefault("system", "").split("/", 2);
            RegisteredService service = administration.registerService(LgspRegistryApi.draft(new LgspRegistryApi.ServiceBody(
                    system[0], system.length > 1 ? system[1] : null, form.get("code"), form.get("version"), form.get("protocol"),
                    form.get("name"), form.get("description"), form.get("owner"), form.get("securityLevel"), form.get("sla"),
                    form.get("endpoint"), form.get("document"), "on".equals(form.get("logBodies")),
                    number(form, "timeoutMillis"), number(form, "ratePerSecond"), number(form, "burst"),
                    number(form, "maxRequestBytes") == null ? null : number(form, "maxRequestBytes").longValue())));
            return "Đã đăng ký dịch vụ " + service.address().path() + " (nháp)";
        });
    }

    @GetMapping("/services/{id}")
    String service(@PathVariable UUID id, Model model) {
        reading.checkReader();
        common(model, "services");
        RegisteredService service = administration.service(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("service", service);
        model.addAttribute("updatedAt", moment(service.updatedAt()));
        model.addAttribute("history", reading.history(id).stream().map(h -> Map.of("from", h.from() == null ? "" : h.from().name(),
                "to", h.to().name(), "reason", h.reason(), "by", h.by(), "at", moment(h.at()))).toList());
        model.addAttribute("next", Arrays.stream(ServiceState.values()).filter(s -> ManagingRegistry.allowed(service.state(), s)).toList());
        model.addAttribute("operations", store.document(id).map(d -> descriptions.operations(service.protocol(), d)).orElse(List.of()));
        model.addAttribute("timeoutMillis", service.timeout().toMillis());
        model.addAttribute("levels", SecurityLevel.values());
        {
            Map<String, String> current = new LinkedHashMap<>();
            current.put("name", service.name());
            current.put("description", service.description());
            current.put("owner", service.owner());
            current.put("securityLevel", service.securityLevel().name());
            current.put("sla", service.sla());
            current.put("endpoint", service.endpoint());
            current.put("document", store.document(id).orElse(""));
            current.put("timeoutMillis", String.valueOf(service.timeout().toMillis()));
            current.put("ratePerSecond", String.valueOf(service.ratePerSecond()));
            current.put("burst", String.valueOf(service.burst()));
            current.put("maxRequestBytes", String.valueOf(service.maxRequestBytes()));
            current.put("logBodies", service.logBodies() ? "on" : "");
            // what was typed in a refused form wins over what is stored
            if (model.getAttribute("form") instanceof Map<?, ?> typed) {
                typed.forEach((k, v) -> current.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            }
            model.addAttribute("form", current);
        }
        return "lgsp/registry/admin-service";
    }

    @PostMapping("/services/{id}")
    String updateService(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "/services/" + id, () -> {
            permissions.checkOperator("sửa thông tin dịch vụ");
            RegisteredService service = administration.service(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            ServiceAddress address = service.address();
            Integer max = number(form, "maxRequestBytes");
            RegisteredService updated = administration.updateService(id, LgspRegistryApi.draft(new LgspRegistryApi.ServiceBody(
                    address.provider(), address.subsystem(), address.service(), address.version(), service.protocol().name(),
                    form.get("name"), form.get("description"), form.get("owner"), form.get("securityLevel"), form.get("sla"),
                    form.get("endpoint"), form.get("document"), "on".equals(form.get("logBodies")), number(form, "timeoutMillis"),
                    number(form, "ratePerSecond"), number(form, "burst"), max == null ? null : max.longValue())));
            return "Đã lưu thông tin dịch vụ " + updated.address().path();
        });
    }

    @PostMapping("/services/{id}/state")
    String changeState(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "/services/" + id, () -> {
            ServiceState to = LgspCatalogPage.parse(ServiceState.class, form.get("state"));
            RegisteredService service = administration.changeState(id, to, form.get("reason"));
            return "Đã chuyển " + service.address().path() + " sang trạng thái " + ManagingRegistry.vietnamese(service.state());
        });
    }

    // access requests and rights

    @GetMapping("/access")
    String access(Model model) {
        common(model, "access");
        List<AccessRequest> requests = reading.requests(null).stream()
                .sorted(Comparator.comparing((AccessRequest r) -> r.state() != AccessRequestState.PENDING)).toList();
        model.addAttribute("requests", requests.stream().map(r -> Map.of("request", r, "requestedAt", moment(r.requestedAt()),
                "decidedAt", moment(r.decidedAt()), "mayDecide", r.state() == AccessRequestState.PENDING && reading.mayDecide(r))).toList());
        model.addAttribute("rights", reading.rights(null).stream().map(r -> Map.of("right", r, "grantedAt", moment(r.grantedAt()),
                "revokedAt", moment(r.revokedAt()), "mayRevoke", r.active() && store.member(r.service().provider())
                        .map(permissions::mayActFor).orElse(false))).toList());
        List<RegistryMember> own = reading.ownMembers();
        model.addAttribute("consumers", reading.subsystems().stream()
                .filter(s -> own.stream().anyMatch(m -> m.id().equals(s.memberId()))).toList());
        model.addAttribute("requestable", reading.services().stream().filter(s -> s.state() != ServiceState.RETIRED
                && s.state() != ServiceState.DRAFT).toList());
        return "lgsp/registry/admin-access";
    }

    @PostMapping("/access/requests")
    String requestAccess(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "/access", () -> {
            List<String> operations = form.getOrDefault("operations", "").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            AccessRequest request = administration.requestAccess(uuid(form.get("consumer"), "consumer"),
                    uuid(form.get("service"), "service"), operations, form.get("purpose"));
            return "Đã gửi yêu cầu của " + request.consumer() + " tới dịch vụ " + request.service().path();
        });
    }

    @PostMapping("/access/requests/{id}/approval")
    String approve(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "/access", () -> {
            AccessRequest request = administration.approve(id, form.get("note"));
            return "Đã duyệt yêu cầu của " + request.consumer() + " tới " + request.service().path();
        });
    }

    @PostMapping("/access/requests/{id}/refusal")
    String refuse(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "/access", () -> {
            AccessRequest request = administration.refuse(id, form.get("reason"));
            return "Đã từ chối yêu cầu của " + request.consumer() + " tới " + request.service().path();
        });
    }

    @PostMapping("/access/rights/{id}/revocation")
    String revoke(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, form, "/access", () -> {
            AccessRight right = administration.revoke(id, form.get("reason"));
            return "Đã thu hồi quyền " + right.operation() + " của " + right.consumer() + " với " + right.service().path();
        });
    }

    /** Runs an act; on refusal, back to the page with each field's message and the values typed. */
    private String act(RedirectAttributes redirect, Map<String, String> form, String page, Supplier<String> act) {
        try {
            redirect.addFlashAttribute("notice", act.get());
        } catch (RegistryRejected rejection) {
            Map<String, String> errors = new LinkedHashMap<>();
            rejection.violations().forEach(v -> errors.merge(v.field(), v.message(), (a, b) -> a + " " + b));
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.remove("_csrf");
            redirect.addFlashAttribute("errors", errors);
            redirect.addFlashAttribute("form", typed);
        }
        return "redirect:/lgsp/admin/registry" + page;
    }

    private static Integer number(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, field, "number", "Trường " + field + " phải là số nguyên");
        }
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, field, "required", "Phải chọn " + (field.equals("consumer")
                    ? "hệ thống khai thác" : field.equals("system") ? "hệ thống" : "dịch vụ"));
        }
    }
}
