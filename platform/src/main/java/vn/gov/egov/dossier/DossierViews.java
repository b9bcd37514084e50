package vn.gov.egov.dossier;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.eform.FormDefinition;
import vn.gov.egov.eform.ProcedureForms;

/** Reads a dossier for the applicant, the desk and the public. */
@Component
class DossierViews {

    private final DossierStore store;
    private final DossierWriting writing;
    private final DossierFiles files;
    private final SharedCatalogs catalogs;
    private final ProcedureForms forms;
    private final ObjectMapper json;

    DossierViews(DossierStore store, DossierWriting writing, DossierFiles files, SharedCatalogs catalogs, ProcedureForms forms,
                 ObjectMapper json) {
        this.store = store;
        this.writing = writing;
        this.files = files;
        this.catalogs = catalogs;
        this.forms = forms;
        this.json = json;
    }

    DossierDetail detail(DossierRecord d) {
        List<MissingItem> missing = d.status().awaitingSupplement() ? missingItems(d) : List.of();
        return new DossierDetail(d.summary(), d.formVersion(), writing.openForm(d), writing.maskedPersonalId(d), d.businessTaxCode(),
                d.resultDelivery(), writing.deliveryAddress(d), d.externalReference(), store.documents(d.id()), store.papers(d.id()),
                store.steps(d.id()), missing, agencyName(d.receivingAgency()));
    }

    List<MissingItem> missingItems(DossierRecord d) {
        return store.lastStepDetails(d.id(), "SUPPLEMENT_REQUESTED").map(text -> {
            JsonNode items = json.readTree(text).get("missing");
            List<MissingItem> list = new java.util.ArrayList<>();
            if (items != null) {
                for (JsonNode item : items) {
                    list.add(new MissingItem(item.get("what").asString(), item.get("why").asString()));
                }
            }
            return list;
        }).orElse(List.of());
    }

    PublicStatus publicStatus(DossierRecord d) {
        return new PublicStatus(d.code(), d.procedureCode(), d.procedureName(), d.receivingAgency(), agencyName(d.receivingAgency()),
                d.status(), d.status().vietnameseName(), d.channel(), d.submittedAt(), d.receivedAt(), d.appointmentDate(), d.updatedAt());
    }

    /** Agencies' names as shown on dossiers; a renamed agency shows its new name within {@link #NAME_MEMORY}. */
    String agencyName(String agencyCode) {
        java.time.LocalDate today = java.time.LocalDate.now(WorkingCalendar.ZONE);
        KnownName known = agencyNames.get(agencyCode);
        long now = System.nanoTime();
        if (known != null && known.day().equals(today) && now - known.until() < 0) {
            return known.name();
        }
        String name = catalogs.entry(IssuingDossierCodes.AGENCIES, agencyCode, today).map(CatalogEntry::name).orElse(agencyCode);
        if (agencyNames.size() > 10_000) {
            agencyNames.clear();
        }
        agencyNames.put(agencyCode, new KnownName(name, today, now + NAME_MEMORY.toNanos()));
        return name;
    }

    private record KnownName(String name, java.time.LocalDate day, long until) {
    }

    static final java.time.Duration NAME_MEMORY = java.time.Duration.ofMinutes(5);
    private final java.util.Map<String, KnownName> agencyNames = new java.util.concurrent.ConcurrentHashMap<>();

    Optional<FormDefinition> form(DossierRecord d) {
        return d.formVersion() == null ? Optional.empty() : forms.version(d.procedureCode(), d.formVersion());
    }

    Optional<byte[]> content(String sha256) {
        return files.content(sha256);
    }
}
