package vn.gov.egov.lgsp.registry;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The developers' catalog of the LGSP: search, and a service's page with its description rendered. */
@Controller
@RequestMapping("/lgsp/catalog")
class LgspCatalogPage {

    private final PublicCatalog catalog;

    LgspCatalogPage(PublicCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String provider,
                  @RequestParam(required = false) String protocol, @RequestParam(required = false) String state, Model model) {
        Protocol chosenProtocol = parse(Protocol.class, protocol);
        ServiceState chosenState = parse(ServiceState.class, state);
        if (chosenState != null && !PublicCatalog.PUBLIC_STATES.contains(chosenState)) {
            chosenState = null;
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("provider", provider == null ? "" : provider);
        model.addAttribute("protocol", chosenProtocol == null ? "" : chosenProtocol.name());
        model.addAttribute("state", chosenState == null ? "" : chosenState.name());
        model.addAttribute("providers", catalog.providers());
        model.addAttribute("states", List.copyOf(PublicCatalog.PUBLIC_STATES));
        model.addAttribute("services", catalog.search(q, provider, chosenProtocol, chosenState));
        return "lgsp/registry/catalog";
    }

    @GetMapping("/{id}")
    String service(@PathVariable String id, Model model) {
        UUID serviceId;
        try {
            serviceId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        PublicCatalog.PublicService service = catalog.service(serviceId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<DescriptionRules.Operation> operations = catalog.operations(serviceId);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String example = operations.stream().filter(o -> !"SOAP".equals(o.method())).findFirst()
                .map(o -> "curl -X " + o.method() + " -H \"Authorization: Bearer $TOKEN\" " + base + service.gatewayPath() + o.path())
                .orElse("curl -X POST -H \"Authorization: Bearer $TOKEN\" -H \"Content-Type: text/xml\" --data @yeu-cau.xml "
                        + base + service.gatewayPath());
        model.addAttribute("service", service);
        model.addAttribute("operations", operations);
        model.addAttribute("versions", catalog.versions(service));
        model.addAttribute("tokenExample", "curl -u <client_id>:<client_secret> -d grant_type=client_credentials " + base + "/oauth2/token");
        model.addAttribute("callExample", example);
        return "lgsp/registry/service";
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
