package vn.gov.egov.attachment;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The personal document store for the citizen's applications (citizen bearer token). */
@RestController
class MyDocumentsApi {

    private final PersonalDocumentStore store;

    MyDocumentsApi(PersonalDocumentStore store) {
        this.store = store;
    }

    record DocumentView(UUID id, String title, PersonalDocumentKind kind, String kindName, String mediaType, long size,
                        String sha256, String sourceDossierCode, LocalDate issuedOn, LocalDate validUntil, Instant addedAt) {
    }

    @GetMapping("/api/v1/my/documents")
    @Operation(summary = "The calling citizen's personal document store: results, digitized papers and their own uploads, newest first")
    List<DocumentView> documents(Authentication authentication) {
        return store.documents(MyDocumentsPage.owner(authentication)).stream()
                .map(d -> new DocumentView(d.id(), d.title(), d.kind(), d.kind().vietnameseName(), d.mediaType(), d.size(),
                        d.sha256(), d.sourceDossierCode(), d.issuedOn(), d.validUntil(), d.addedAt()))
                .toList();
    }
}
