package vn.gov.egov.attachment;

import java.util.Objects;
import java.util.UUID;

/** Whose personal document store: a citizen (by identity account id) or a business (by tax code). */
public record DocumentOwner(String kind, String id) {

    static final String CITIZEN = "citizen";
    static final String BUSINESS = "business";

    public DocumentOwner {
        Objects.requireNonNull(id, "id");
        if (!CITIZEN.equals(kind) && !BUSINESS.equals(kind)) {
            throw new IllegalArgumentException("a document owner is a citizen or a business, not " + kind);
        }
    }

    public static DocumentOwner citizen(UUID accountId) {
        return new DocumentOwner(CITIZEN, accountId.toString());
    }

    public static DocumentOwner business(String taxCode) {
        return new DocumentOwner(BUSINESS, taxCode);
    }
}
