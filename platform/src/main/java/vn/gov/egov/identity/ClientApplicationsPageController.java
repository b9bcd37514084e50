package vn.gov.egov.identity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;

/** The province administrator's page for the applications that use the single sign-on, and the signing key. */
@Controller
@RequestMapping("/admin/identity")
class ClientApplicationsPageController {

    static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token", "client_credentials");

    private final RegisteringClients registering;
    private final SigningKeys keys;
    private final AuditTrail audit;

    ClientApplicationsPageController(RegisteringClients registering, SigningKeys keys, AuditTrail audit) {
        this.registering = registering;
        this.keys = keys;
        this.audit = audit;
    }

    /** What the form sent, kept to show it again. */
    record ClientForm(String name, List<String> grantTypes, String redirectUris, List<String> scopes, boolean publicClient) {

        static ClientForm empty() {
            return new ClientForm("", List.of(), "", List.of(), false);
        }
    }

    @GetMapping("/clients")
    String clients(Model model) {
        return page(ClientForm.empty(), Map.of(), model);
    }

    @PostMapping("/clients")
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> grantTypes,
                    @RequestParam(defaultValue = "") String redirectUris, @RequestParam(required = false) List<String> scopes,
                    @RequestParam(defaultValue = "false") boolean publicClient, Model model) {
        ClientForm form = new ClientForm(name, grantTypes == null ? List.of() : grantTypes, redirectUris,
                scopes == null ? List.of() : scopes, publicClient);
        List<String> redirects = Arrays.stream(redirectUris.split("\\R")).map(String::strip).filter(StringUtils::hasText).toList();
        try {
            RegisteringClients.RegisteredApplication registered = registering.register(new RegisteringClients.ClientRequest(
                    name, form.grantTypes(), redirects, form.scopes(), publicClient));
            // the secret appears on this answer only: it is stored hashed and never shown again
            model.addAttribute("registered", registered);
            return page(ClientForm.empty(), Map.of(), model);
        } catch (ErrorResponseException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            Object fields = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("errors");
            if (fields instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof RegisteringClients.FieldError error) {
                        errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
                    }
                }
            }
            if (errors.isEmpty()) {
                errors.put("name", e.getBody().getDetail());
            }
            return page(form, errors, model);
        }
    }

    @GetMapping("/clients/{clientId}/remove")
    String confirmRemoval(@PathVariable String clientId, Model model) {
        RegisteringClients.RegisteredApplication client = registering.list().stream().filter(c -> c.clientId().equals(clientId))
                .findFirst().orElseThrow(() -> ManagingOfficials.notFound("Không có ứng dụng mã '%s'".formatted(clientId)));
        model.addAttribute("client", client);
        return "identity/client-remove";
    }

    @PostMapping("/clients/{clientId}/remove")
    String remove(@PathVariable String clientId, RedirectAttributes redirect) {
        if (!registering.remove(clientId)) {
            throw ManagingOfficials.notFound("Không có ứng dụng mã '%s'".formatted(clientId));
        }
        redirect.addFlashAttribute("notice", "clients.removed");
        redirect.addFlashAttribute("noticeArgument", clientId);
        return "redirect:/admin/identity/clients";
    }

    @PostMapping("/signing-keys/rotate")
    String rotate(RedirectAttributes redirect) {
        String kid = keys.rotate();
        audit.record(AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS).object("signing-key", kid)
                .detail("change", "rotated").fromCurrentRequest().build());
        redirect.addFlashAttribute("notice", "clients.keys.rotated");
        redirect.addFlashAttribute("noticeArgument", kid);
        return "redirect:/admin/identity/clients";
    }

    private String page(ClientForm form, Map<String, String> errors, Model model) {
        model.addAttribute("clients", registering.list());
        model.addAttribute("grantTypes", GRANT_TYPES);
        model.addAttribute("scopes", registering.allowedScopes());
        model.addAttribute("activeKey", keys.activeKeyId());
        model.addAttribute("publishedKeys", keys.publishedKeyIds());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "identity/clients";
    }
}
