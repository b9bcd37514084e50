package vn.gov.egov.businessregistry;

/**
 * A legal representative of an enterprise (người đại diện theo pháp luật). {@code personalId} is personal data in
 * clear: compare it, never log or store it unsealed.
 *
 * @param position e.g. "Giám đốc"
 */
public record LegalRepresentative(String personalId, String fullName, String position) {
}
