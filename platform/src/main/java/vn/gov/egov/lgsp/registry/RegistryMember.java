package vn.gov.egov.lgsp.registry;

import java.util.UUID;

/**
 * A member of the LGSP: an organisation that provides or consumes services. {@code agencyCode} is its agency in the
 * shared agencies catalog when it is a provincial agency (else null).
 */
public record RegistryMember(UUID id, String code, String name, MemberKind kind, String agencyCode) {
}
