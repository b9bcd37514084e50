package vn.gov.egov.lgsp.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The LGSP's public catalog: services, their providers and description documents; never endpoints or rights. */
@RestController
@RequestMapping("/api/v1/lgsp/services")
@Tag(name = "LGSP – danh mục dịch vụ", description = "The public catalog of the LGSP's services")
class CatalogApi {

    private final PublicCatalog catalog;

    CatalogApi(PublicCatalog catalog) {
        this.catalog = catalog;
    }

    record ServiceDetail(PublicCatalog.PublicService service, List<DescriptionRules.Operation> operations) {
    }

    @GetMapping
    @Operation(summary = "Search the services (q without diacritics works too; provider = member code; protocol REST or SOAP)")
    List<PublicCatalog.PublicService> services(@RequestParam(required = false) String q,
                                               @RequestParam(required = false) String provider,
                                               @RequestParam(required = false) String protocol,
                                               @RequestParam(required = false) String state) {
        return catalog.search(q, provider, RegistryApi.protocol(protocol, "protocol"), state(state));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One service with the operations of its description")
    ServiceDetail service(@PathVariable UUID id) {
        return catalog.service(id).map(s -> new ServiceDetail(s, catalog.operations(id)))
                .orElseThrow(() -> RegistryApi.notFound("service", "Không có dịch vụ công khai này"));
    }

    @GetMapping("/{id}/description")
    @Operation(summary = "The service's OpenAPI (REST) or WSDL (SOAP) document")
    ResponseEntity<String> description(@PathVariable UUID id) {
        PublicCatalog.PublicService service = catalog.service(id)
                .orElseThrow(() -> RegistryApi.notFound("service", "Không có dịch vụ công khai này"));
        String document = catalog.document(id)
                .orElseThrow(() -> RegistryApi.notFound("document", "Dịch vụ chưa có tài liệu mô tả"));
        return ResponseEntity.ok().contentType(mediaType(service.protocol(), document))
                .header("Content-Disposition", "inline; filename=\"" + service.address().replace('/', '_')
                        + (service.protocol() == Protocol.SOAP ? ".wsdl" : document.strip().startsWith("{") ? ".json" : ".yaml") + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(document);
    }

    static MediaType mediaType(Protocol protocol, String document) {
        if (protocol == Protocol.SOAP) {
            return new MediaType("application", "wsdl+xml", java.nio.charset.StandardCharsets.UTF_8);
        }
        return document.strip().startsWith("{") ? new MediaType("application", "vnd.oai.openapi+json", java.nio.charset.StandardCharsets.UTF_8)
                : new MediaType("application", "vnd.oai.openapi", java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ServiceState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            ServiceState parsed = ServiceState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            if (PublicCatalog.PUBLIC_STATES.contains(parsed)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new RegistryRejected(RegistryRejected.Why.INVALID, "state", "public-state",
                "Tham số state phải là TESTING, PUBLISHED hoặc DEPRECATED");
    }

}
