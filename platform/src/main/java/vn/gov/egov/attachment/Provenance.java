package vn.gov.egov.attachment;

/**
 * Where a stored file came from.
 *
 * @param channel     ONLINE, NATIONAL_PORTAL, IN_PERSON, BY_POST, RESULT, PERSONAL …
 * @param dossierCode the dossier it belongs to (nullable)
 * @param storedBy    who stored it: an official's user name, a citizen's account id or a system's client id
 */
public record Provenance(String channel, String dossierCode, String storedBy) {
    public Provenance {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("a stored file needs the channel it came from");
        }
        if (storedBy == null || storedBy.isBlank()) {
            throw new IllegalArgumentException("a stored file needs who stored it");
        }
    }
}
