package vn.gov.egov.lgsp.pubsub;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.catalog.CatalogChanged;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.lgsp.registry.PlatformServices;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/**
 * The shared e-catalogs' change events (issue 6, item 7): each changed entry of a committed catalog change is
 * published as {@code SO-KHCN/DANH-MUC/danh-muc-thay-doi/v1}, once per change and entry (the idempotency key), in
 * order per catalog (the ordering key), with a link to read the entry through the LGSP catalog service.
 */
@Component
class CatalogChangeEvents {

    static final String SCHEMA = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",\
            "required":["catalog","code","change","revision","changedAt","link"],\
            "properties":{"catalog":{"type":"string","minLength":1},"code":{"type":"string","minLength":1},\
            "change":{"type":"string","description":"the catalog's change kind (e.g. EDIT, IMPORT, RETIRE, DEFINITION)"},\
            "revision":{"type":"integer","minimum":0},"validFrom":{"type":["string","null"],"format":"date"},\
            "changedAt":{"type":"string","format":"date-time"},"link":{"type":"string","format":"uri"}},\
            "additionalProperties":false}""";

    private final RegisteringEventTypes registering;
    private final EventPublishing publishing;
    private final SharedCatalogs catalogs;
    private final String publicUrl;
    private final TransactionTemplate ownTransaction;
    private volatile boolean registered;

    CatalogChangeEvents(RegisteringEventTypes registering, EventPublishing publishing, SharedCatalogs catalogs,
                        PlatformTransactionManager transactions,
                        @Value("${egov.portal.public-url:http://localhost:8080}") String publicUrl) {
        this.registering = registering;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.publishing = publishing;
        this.catalogs = catalogs;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Registered (committed, in its own transaction) before the first event is published; once per start. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void registerEventType() {
        if (!registered) {
            ownTransaction.executeWithoutResult(status -> ensure());
            registered = true;
        }
    }

    private void ensure() {
        registering.ensure(new RegisteringEventTypes.Draft(PlatformServices.MEMBER, PlatformServices.CATALOG_SUBSYSTEM,
                PlatformServices.CATALOG_CHANGED_EVENT, PlatformServices.VERSION, "Danh mục dùng chung thay đổi",
                "Một mục của danh mục điện tử dùng chung được thêm, sửa hoặc ngừng hiệu lực; đọc mục qua dịch vụ danh mục của LGSP.",
                SCHEMA, SecurityLevel.PUBLIC));
    }

    @ApplicationModuleListener
    void on(CatalogChanged changed) {
        registerEventType();
        for (String code : changed.codes()) {
            LocalDate validFrom = catalogs.versions(changed.catalog(), code).stream().map(CatalogEntry::validFrom)
                    .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("catalog", changed.catalog());
            payload.put("code", code);
            payload.put("change", changed.kind());
            payload.put("revision", changed.revision());
            payload.put("validFrom", validFrom == null ? null : validFrom.toString());
            payload.put("changedAt", changed.changedAt().toString());
            payload.put("link", publicUrl + "/lgsp/r1/" + PlatformServices.MEMBER + "/" + PlatformServices.CATALOG_SUBSYSTEM + "/"
                    + PlatformServices.CATALOG_SERVICE + "/" + PlatformServices.VERSION + "/" + changed.catalog() + "/entries/"
                    + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
            publishing.publish(PlatformServices.MEMBER, PlatformServices.CATALOG_SUBSYSTEM, PlatformServices.CATALOG_CHANGED_EVENT,
                    PlatformServices.VERSION, "catalog-change-" + changed.changeId() + "-" + keyPart(code), keyPart(changed.catalog()),
                    payload);
        }
    }

    /** Codes become key parts: printable ASCII without commas. */
    private static String keyPart(String text) {
        return text.replaceAll("[^\\x21-\\x2b\\x2d-\\x7e]", "_");
    }
}
