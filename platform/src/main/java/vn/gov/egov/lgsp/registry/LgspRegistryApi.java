package vn.gov.egov.lgsp.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry for its operators (and, for their own agency, agency administrators): the same acts as the pages.
 * Refusals are problem+json with {@code errors} naming each field and rule.
 */
@RestController
@RequestMapping("/api/v1/lgsp/registry")
@Tag(name = "LGSP – quản trị danh mục dịch vụ", description = "Members, systems, services, lifecycle, access requests and rights")
class LgspRegistryApi {

    private final ServiceCatalogAdministration administration;
    private final RegistryReading reading;
    private final RegistryPermissions permissions;

    LgspRegistryApi(ServiceCatalogAdministration administration, RegistryReading reading, RegistryPermissions permissions) {
        this.administration = administration;
        this.reading = reading;
        this.permissions = permissions;
    }

    record MemberBody(String code, String name, String kind, String agencyCode) {
    }

    record SubsystemBody(String member, String code, String name, String clientId) {
    }

    record ClientBody(String clientId) {
    }

    record CertificateBody(String certificate) {
    }

    record ServiceBody(String provider, String subsystem, String code, String version, String protocol, String name,
                       String description, String owner, String securityLevel, String sla, String endpoint, String document,
                       Boolean logBodies, Integer timeoutMillis, Integer ratePerSecond, Integer burst, Long maxRequestBytes) {
    }

    record StateBody(String state, String reason) {
    }

    record AccessBody(UUID consumerId, UUID serviceId, List<String> operations, String purpose) {
    }

    record DecisionBody(String note, String reason) {
    }

    @GetMapping("/members")
    @Operation(summary = "The members")
    List<RegistryMember> members() {
        reading.checkReader();
        return reading.members();
    }

    @PostMapping("/members")
    @Operation(summary = "Register a member (LGSP operator)")
    ResponseEntity<RegistryMember> registerMember(@RequestBody MemberBody body) {
        permissions.checkOperator("đăng ký thành viên LGSP");
        RegistryMember member = administration.registerMember(body.code(), body.name(), memberKind(body.kind()), body.agencyCode());
        return ResponseEntity.status(HttpStatus.CREATED).body(member);
    }

    @GetMapping("/subsystems")
    @Operation(summary = "The members' systems")
    List<RegistrySubsystem> subsystems() {
        return reading.subsystems();
    }

    @PostMapping("/subsystems")
    @Operation(summary = "Register a member's system (operator, or the member's agency administrator)")
    ResponseEntity<RegistrySubsystem> registerSubsystem(@RequestBody SubsystemBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(administration.registerSubsystem(body.member(), body.code(), body.name(), body.clientId()));
    }

    @PutMapping("/subsystems/{id}/client")
    @Operation(summary = "Link the system to an SSO client (client credentials); null unlinks")
    RegistrySubsystem linkClient(@PathVariable UUID id, @RequestBody ClientBody body) {
        return administration.linkClient(id, body.clientId());
    }

    @GetMapping("/subsystems/{id}/certificates")
    @Operation(summary = "The system's registered TLS client certificates (mutual TLS)")
    List<ClientCertificate> certificates(@PathVariable UUID id) {
        return reading.certificates(id);
    }

    @PostMapping("/subsystems/{id}/certificates")
    @Operation(summary = "Register a TLS client certificate (PEM) for the system: from then on its calls need it (mutual TLS)")
    ResponseEntity<ClientCertificate> registerCertificate(@PathVariable UUID id, @RequestBody CertificateBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(administration.registerClientCertificate(id, body.certificate()));
    }

    @PostMapping("/certificates/{id}/removal")
    @Operation(summary = "Remove a registered TLS client certificate, with the reason")
    ClientCertificate removeCertificate(@PathVariable UUID id, @RequestBody DecisionBody body) {
        return administration.removeClientCertificate(id, body.reason());
    }

    @GetMapping("/services")
    @Operation(summary = "Every service in every state, with its internal endpoint")
    List<RegisteredService> services() {
        reading.checkReader();
        return reading.services();
    }

    @GetMapping("/services/{id}")
    RegisteredService service(@PathVariable UUID id) {
        reading.checkReader();
        return administration.service(id).orElseThrow(() -> notFound("service", "Không có dịch vụ này"));
    }

    @PostMapping("/services")
    @Operation(summary = "Register a service or a new version (starts as draft)")
    ResponseEntity<RegisteredService> registerService(@RequestBody ServiceBody body) {
        permissions.checkOperator("đăng ký dịch vụ");
        return ResponseEntity.status(HttpStatus.CREATED).body(administration.registerService(draft(body)));
    }

    @PutMapping("/services/{id}")
    @Operation(summary = "Change a service's description, endpoint, document, classification or limits (not its address or protocol)")
    RegisteredService updateService(@PathVariable UUID id, @RequestBody ServiceBody body) {
        permissions.checkOperator("sửa thông tin dịch vụ");
        RegisteredService service = administration.service(id).orElseThrow(() -> notFound("service", "Không có dịch vụ này"));
        ServiceAddress address = service.address();
        return administration.updateService(id, draft(new ServiceBody(
                body.provider() == null ? address.provider() : body.provider(),
                body.subsystem() == null ? address.subsystem() : body.subsystem(),
                body.code() == null ? address.service() : body.code(),
                body.version() == null ? address.version() : body.version(),
                body.protocol() == null ? service.protocol().name() : body.protocol(), body.name(), body.description(),
                body.owner(), body.securityLevel() == null ? service.securityLevel().name() : body.securityLevel(), body.sla(),
                body.endpoint(), body.document(), body.logBodies(), body.timeoutMillis(), body.ratePerSecond(), body.burst(),
                body.maxRequestBytes())));
    }

    @PostMapping("/services/{id}/state")
    @Operation(summary = "Move the service along its lifecycle, with a reason")
    RegisteredService changeState(@PathVariable UUID id, @RequestBody StateBody body) {
        permissions.checkOperator("chuyển trạng thái dịch vụ");
        return administration.changeState(id, serviceState(body.state()), body.reason());
    }

    @GetMapping("/services/{id}/history")
    @Operation(summary = "The service's lifecycle changes, latest first")
    List<RegistryStore.StateChange> history(@PathVariable UUID id) {
        reading.checkReader();
        return reading.history(id);
    }

    @GetMapping("/access-requests")
    @Operation(summary = "Access requests the caller may see (state: PENDING, APPROVED, REFUSED)")
    List<AccessRequest> requests(@RequestParam(required = false) String state) {
        return reading.requests(requestState(state));
    }

    @PostMapping("/access-requests")
    @Operation(summary = "A consumer system requests access to a service (whole: [\"*\"], or operations)")
    ResponseEntity<AccessRequest> requestAccess(@RequestBody AccessBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(administration.requestAccess(
                required(body.consumerId(), "consumerId"), required(body.serviceId(), "serviceId"), body.operations(), body.purpose()));
    }

    @PostMapping("/access-requests/{id}/approval")
    @Operation(summary = "The provider approves (its agency administrator, or an operator)")
    AccessRequest approve(@PathVariable UUID id, @RequestBody(required = false) DecisionBody body) {
        return administration.approve(id, body == null ? null : body.note());
    }

    @PostMapping("/access-requests/{id}/refusal")
    @Operation(summary = "The provider refuses, with the reason")
    AccessRequest refuse(@PathVariable UUID id, @RequestBody DecisionBody body) {
        return administration.refuse(id, body.reason());
    }

    @GetMapping("/rights")
    @Operation(summary = "Access rights the caller may see, optionally of one consumer system")
    List<AccessRight> rights(@RequestParam(required = false) UUID consumer) {
        return reading.rights(consumer);
    }

    @PostMapping("/rights")
    @Operation(summary = "Grant at once (operator): request and approval in one act")
    ResponseEntity<List<AccessRight>> grant(@RequestBody AccessBody body) {
        permissions.checkOperator("cấp trực tiếp quyền truy cập");
        return ResponseEntity.status(HttpStatus.CREATED).body(administration.grant(
                required(body.consumerId(), "consumerId"), required(body.serviceId(), "serviceId"), body.operations(), body.purpose()));
    }

    @PostMapping("/rights/{id}/revocation")
    @Operation(summary = "Revoke a right, with the reason")
    AccessRight revoke(@PathVariable UUID id, @RequestBody DecisionBody body) {
        return administration.revoke(id, body.reason());
    }

    static ServiceDraft draft(ServiceBody body) {
        List<RegistryViolation> violations = new ArrayList<>();
        RegistryRules.code(violations, "provider", body.provider());
        RegistryRules.code(violations, "subsystem", body.subsystem());
        RegistryRules.code(violations, "code", body.code());
        RegistryRules.code(violations, "version", body.version());
        Protocol protocol = null;
        SecurityLevel level = SecurityLevel.INTERNAL;
        try {
            protocol = protocol(body.protocol(), "protocol");
            if (protocol == null) {
                violations.add(new RegistryViolation("protocol", "required", "Trường protocol (REST hoặc SOAP) là bắt buộc"));
            }
        } catch (RegistryRejected e) {
            violations.addAll(e.violations());
        }
        if (body.securityLevel() != null && !body.securityLevel().isBlank()) {
            try {
                level = SecurityLevel.valueOf(body.securityLevel().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new RegistryViolation("securityLevel", "enum", "Trường securityLevel phải là PUBLIC, INTERNAL hoặc CONFIDENTIAL"));
            }
        }
        if (!violations.isEmpty()) {
            // refused before the registry sees it: name every other broken field too
            RegistryRules.name(violations, "name", body.name());
            RegistryRules.endpoint(violations, "endpoint", body.endpoint());
            RegistryRules.throwIfAny(violations);
        }
        return new ServiceDraft(new ServiceAddress(body.provider(), body.subsystem(), body.code(), body.version()), protocol,
                body.name(), body.description(), body.owner(), level, body.sla(), body.endpoint(), body.document(),
                Boolean.TRUE.equals(body.logBodies()),
                body.timeoutMillis() == null ? ServiceDraft.DEFAULT_TIMEOUT : Duration.ofMillis(body.timeoutMillis()),
                body.ratePerSecond() == null ? ServiceDraft.DEFAULT_RATE : body.ratePerSecond(),
                body.burst() == null ? Math.max(ServiceDraft.DEFAULT_BURST, body.ratePerSecond() == null ? 0 : body.ratePerSecond()) : body.burst(),
                body.maxRequestBytes() == null ? ServiceDraft.DEFAULT_MAX_REQUEST_BYTES : body.maxRequestBytes());
    }

    static Protocol protocol(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Protocol.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, field, "enum", "Trường " + field + " phải là REST hoặc SOAP");
        }
    }

    static MemberKind memberKind(String value) {
        if (value == null || value.isBlank()) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, "kind", "required",
                    "Trường kind là bắt buộc: PROVINCIAL_AGENCY, NATIONAL_SYSTEM hoặc OTHER");
        }
        try {
            return MemberKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, "kind", "enum",
                    "Trường kind phải là PROVINCIAL_AGENCY, NATIONAL_SYSTEM hoặc OTHER");
        }
    }

    static ServiceState serviceState(String value) {
        try {
            return ServiceState.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, "state", "enum",
                    "Trường state phải là DRAFT, TESTING, PUBLISHED, DEPRECATED hoặc RETIRED");
        }
    }

    static AccessRequestState requestState(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AccessRequestState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, "state", "enum", "Tham số state phải là PENDING, APPROVED hoặc REFUSED");
        }
    }

    private static UUID required(UUID value, String field) {
        if (value == null) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, field, "required", "Trường " + field + " là bắt buộc");
        }
        return value;
    }

    static RegistryRejected notFound(String field, String message) {
        return new RegistryRejected(RegistryRejected.Why.NOT_FOUND, field, "not-found", message);
    }
}
