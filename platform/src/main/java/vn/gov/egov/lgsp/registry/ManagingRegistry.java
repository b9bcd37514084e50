package vn.gov.egov.lgsp.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.catalog.SharedCatalogs;

/**
 * {@link ServiceCatalogAdministration}: every change checks who acts, validates, writes in one transaction with its
 * audit entry and a generation bump, and reloads this node's snapshot after the commit.
 */
@Service
class ManagingRegistry implements ServiceCatalogAdministration {

    static final String STATE_CHANGED = "LGSP_SERVICE_STATE_CHANGED";
    static final String ACCESS_REQUESTED = "LGSP_ACCESS_REQUESTED";
    static final String ACCESS_REFUSED = "LGSP_ACCESS_REFUSED";

    private final RegistryStore store;
    private final SnapshotRegistry registry;
    private final RegistryPermissions permissions;
    private final AuditTrail audit;
    private final SharedCatalogs catalogs;
    private final ObjectProvider<RegisteredClientRepository> clients;
    private final DescriptionRules descriptions;
    private final Clock clock = Clock.systemUTC();

    ManagingRegistry(RegistryStore store, SnapshotRegistry registry, RegistryPermissions permissions, AuditTrail audit,
                     SharedCatalogs catalogs, ObjectProvider<RegisteredClientRepository> clients, DescriptionRules descriptions) {
        this.store = store;
        this.registry = registry;
        this.permissions = permissions;
        this.audit = audit;
        this.catalogs = catalogs;
        this.clients = clients;
        this.descriptions = descriptions;
    }

    @Override
    @Transactional
    public RegistryMember registerMember(String code, String name, MemberKind kind, String agencyCode) {
        permissions.checkOperator("đăng ký thành viên LGSP");
        List<RegistryViolation> violations = new ArrayList<>();
        RegistryRules.code(violations, "code", code);
        RegistryRules.name(violations, "name", name);
        if (kind == null) {
            violations.add(new RegistryViolation("kind", "required", "Trường kind (loại thành viên) là bắt buộc"));
        }
        String agency = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
        if (agency == null && kind == MemberKind.PROVINCIAL_AGENCY) {
            violations.add(new RegistryViolation("agencyCode", "required", "Cơ quan của tỉnh phải có mã trong danh mục cơ quan (agencyCode)"));
        } else if (agency != null && catalogs.entry("agencies", agency, LocalDate.now(WorkingCalendar.ZONE)).isEmpty()) {
            violations.add(new RegistryViolation("agencyCode", "catalog", "Mã cơ quan '" + agency + "' không có trong danh mục cơ quan"));
        }
        RegistryRules.throwIfAny(violations);
        if (store.member(code).isPresent()) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "code", "exists", "Đã có thành viên mã " + code);
        }
        RegistryMember member = new RegistryMember(UUID.randomUUID(), code, name.strip(), kind, agency);
        Instant now = clock.instant();
        try {
            store.insertMember(member, permissions.actor(), now);
        } catch (DuplicateKeyException e) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "code", "exists", "Đã có thành viên mã " + code);
        }
        audit.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("lgsp-member", code)
                .changed("name", null, member.name()).changed("kind", null, kind).changed("agencyCode", null, agency).build());
        changed();
        return member;
    }

    @Override
    @Transactional
    public RegistrySubsystem registerSubsystem(String memberCode, String code, String name, String clientId) {
        RegistryMember member = store.member(memberCode).orElseThrow(() -> notFound("member", "Không có thành viên mã " + memberCode));
        permissions.checkActFor(member, "đăng ký hệ thống của thành viên này");
        List<RegistryViolation> violations = new ArrayList<>();
        RegistryRules.code(violations, "code", code);
        RegistryRules.name(violations, "name", name);
        String client = checkClient(violations, clientId, null);
        RegistryRules.throwIfAny(violations);
        if (store.subsystem(memberCode, code).isPresent()) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "code", "exists",
                    "Thành viên " + memberCode + " đã có hệ thống mã " + code);
        }
        RegistrySubsystem subsystem = new RegistrySubsystem(UUID.randomUUID(), member.id(), member.code(), code, name.strip(), client);
        try {
            store.insertSubsystem(subsystem, permissions.actor(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "code", "exists",
                    "Hệ thống " + memberCode + "/" + code + " hoặc ứng dụng " + client + " đã được đăng ký");
        }
        audit.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("lgsp-subsystem", subsystem.path())
                .changed("name", null, subsystem.name()).changed("clientId", null, client).build());
        changed();
        return subsystem;
    }

    @Override
    @Transactional
    public RegistrySubsystem linkClient(UUID subsystemId, String clientId) {
        RegistrySubsystem subsystem = store.subsystem(subsystemId).orElseThrow(() -> notFound("subsystem", "Không có hệ thống này"));
        RegistryMember member = store.member(subsystem.memberId()).orElseThrow();
        permissions.checkActFor(member, "gắn ứng dụng SSO cho hệ thống này");
        List<RegistryViolation> violations = new ArrayList<>();
        String client = checkClient(violations, clientId, subsystemId);
        RegistryRules.throwIfAny(violations);
        try {
            store.updateClient(subsystemId, client);
        } catch (DuplicateKeyException e) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "clientId", "taken", "Ứng dụng " + client + " đã gắn với hệ thống khác");
        }
        audit.record(AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS).object("lgsp-subsystem", subsystem.path())
                .changed("clientId", subsystem.clientId(), client).build());
        changed();
        return store.subsystem(subsystemId).orElseThrow();
    }

    @Override
    @Transactional
    public ClientCertificate registerClientCertificate(UUID subsystemId, String pem) {
        RegistrySubsystem subsystem = store.subsystem(subsystemId).orElseThrow(() -> notFound("subsystem", "Không có hệ thống này"));
        RegistryMember member = store.member(subsystem.memberId()).orElseThrow();
        permissions.checkActFor(member, "đăng ký chứng thư số máy khách cho hệ thống này");
        java.security.cert.X509Certificate read = CertificatePem.read(pem);
        Instant now = clock.instant();
        Instant notBefore = read.getNotBefore().toInstant();
        Instant notAfter = read.getNotAfter().toInstant();
        if (!notAfter.isAfter(now)) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, "certificate", "expired",
                    "Chứng thư số đã hết hạn ngày " + LgspRegistryAdminPage.moment(notAfter) + ": hãy gửi chứng thư còn hiệu lực");
        }
        String thumbprint = ClientCertificate.thumbprintOf(read);
        store.activeCertificate(thumbprint).ifPresent(other -> {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "certificate", "taken", other.subsystemId().equals(subsystemId)
                    ? "Chứng thư số này đã được đăng ký cho hệ thống " + subsystem.path()
                    : "Chứng thư số này đã được đăng ký cho một hệ thống khác");
        });
        ClientCertificate certificate = new ClientCertificate(UUID.randomUUID(), subsystemId, thumbprint,
                read.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253),
                read.getIssuerX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253),
                read.getSerialNumber().toString(16), notBefore, notAfter, permissions.actor(), now);
        String stored = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(encoded(read)) + "\n-----END CERTIFICATE-----\n";
        try {
            store.insertCertificate(certificate, stored);
        } catch (DuplicateKeyException e) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "certificate", "taken", "Chứng thư số này vừa được đăng ký");
        }
        audit.record(AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS).object("lgsp-subsystem", subsystem.path())
                .changed("clientCertificate", null, thumbprint).detail("subject", certificate.subject())
                .detail("issuer", certificate.issuer()).detail("notAfter", notAfter.toString()).build());
        changed();
        return certificate;
    }

    @Override
    @Transactional
    public ClientCertificate removeClientCertificate(UUID certificateId, String reason) {
        ClientCertificate certificate = store.certificate(certificateId)
                .orElseThrow(() -> notFound("certificate", "Không có chứng thư số này"));
        RegistrySubsystem subsystem = store.subsystem(certificate.subsystemId()).orElseThrow();
        RegistryMember member = store.member(subsystem.memberId()).orElseThrow();
        permissions.checkActFor(member, "gỡ chứng thư số máy khách của hệ thống này");
        List<RegistryViolation> violations = new ArrayList<>();
        RegistryRules.reason(violations, "reason", reason);
        RegistryRules.throwIfAny(violations);
        if (!store.removeCertificate(certificateId, permissions.actor(), clock.instant(), reason.strip())) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "certificate", "removed", "Chứng thư số này đã được gỡ");
        }
        audit.record(AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS).object("lgsp-subsystem", subsystem.path())
                .changed("clientCertificate", certificate.thumbprint(), null).detail("reason", reason.strip()).build());
        changed();
        return certificate;
    }

    @Override
    public List<ClientCertificate> clientCertificates(UUID subsystemId) {
        return store.certificatesOf(subsystemId);
    }

    private static byte[] encoded(java.security.cert.X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, "certificate", "pem", "Không đọc được chứng thư số");
        }
    }

    private String checkClient(List<RegistryViolation> violations, String clientId, UUID subsystemId) {
        if (clientId == null || clientId.isBlank()) {
            return null;
        }
        String client = clientId.strip();
        if (client.length() > 200) {
            violations.add(new RegistryViolation("clientId", "length", "Mã ứng dụng (clientId) dài tối đa 200 ký tự"));
            return client;
        }
        RegisteredClientRepository repository = clients.getIfAvailable();
        if (repository != null) {
            var registered = repository.findByClientId(client);
            if (registered == null) {
                violations.add(new RegistryViolation("clientId", "unknown",
                        "Không có ứng dụng mã " + client + " trên hệ thống đăng nhập một lần (tạo ở trang Ứng dụng kết nối)"));
                return client;
            }
            if (!registered.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)) {
                violations.add(new RegistryViolation("clientId", "client-credentials",
                        "Ứng dụng " + client + " không dùng cấp quyền client credentials: hệ thống gọi LGSP phải là ứng dụng máy chủ"));
                return client;
            }
        }
        store.subsystemByClient(client).filter(other -> !other.id().equals(subsystemId)).ifPresent(other ->
                violations.add(new RegistryViolation("clientId", "taken", "Ứng dụng " + client + " đã gắn với hệ thống " + other.path())));
        return client;
    }

    @Override
    @Transactional
    public RegisteredService registerService(ServiceDraft draft) {
        permissions.checkOperator("đăng ký dịch vụ");
        if (draft == null || draft.address() == null) {
            throw new RegistryRejected(RegistryRejected.Why.INVALID, "address", "required", "Phải nêu địa chỉ dịch vụ (thành viên, hệ thống, mã, phiên bản)");
        }
        ServiceAddress address = draft.address();
        RegistrySubsystem subsystem = store.subsystem(address.provider(), address.subsystem())
                .orElseThrow(() -> notFound("subsystem", "Không có hệ thống " + address.provider() + "/" + address.subsystem()));
        List<RegistryViolation> violations = new ArrayList<>();
        if (draft.protocol() == null) {
            violations.add(new RegistryViolation("protocol", "required", "Trường protocol (REST hoặc SOAP) là bắt buộc"));
        }
        describedWell(violations, draft);
        if (draft.document() != null && !draft.document().isBlank() && draft.protocol() != null) {
            violations.addAll(descriptions.check(draft.protocol(), draft.document()));
        }
        RegistryRules.throwIfAny(violations);
        if (store.service(address).isPresent()) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "version", "exists",
                    "Dịch vụ " + address.path() + " đã có; phiên bản mới phải có mã phiên bản khác");
        }
        UUID id = UUID.randomUUID();
        ServiceDraft clean = draft.withEndpoint(draft.endpoint().strip())
                .withDocument(draft.document() == null || draft.document().isBlank() ? null : draft.document());
        Instant now = clock.instant();
        try {
            store.insertService(id, subsystem.id(), clean, permissions.actor(), now);
        } catch (DuplicateKeyException e) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "version", "exists", "Dịch vụ " + address.path() + " đã có");
        }
        store.insertHistory(id, null, ServiceState.DRAFT, "Đăng ký dịch vụ", permissions.actor(), now);
        audit.record(AuditRecord.builder(AuditActions.CREATE, Outcome.SUCCESS).object("lgsp-service", address.path())
                .changed("name", null, clean.name()).changed("protocol", null, clean.protocol())
                .changed("securityLevel", null, clean.securityLevel()).changed("state", null, ServiceState.DRAFT).build());
        changed();
        return store.service(id).orElseThrow();
    }

    @Override
    @Transactional
    public RegisteredService updateService(UUID serviceId, ServiceDraft draft) {
        permissions.checkOperator("sửa thông tin dịch vụ");
        RegisteredService service = store.service(serviceId).orElseThrow(() -> notFound("service", "Không có dịch vụ này"));
        if (service.state() == ServiceState.RETIRED) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "state", "retired", "Dịch vụ đã thu hồi, không sửa được");
        }
        List<RegistryViolation> violations = new ArrayList<>();
        if (draft.address() != null && !draft.address().equals(service.address())) {
            violations.add(new RegistryViolation("address", "unchangeable",
                    "Không đổi được địa chỉ dịch vụ; phiên bản mới là một đăng ký mới"));
        }
        if (draft.protocol() != null && draft.protocol() != service.protocol()) {
            violations.add(new RegistryViolation("protocol", "unchangeable", "Không đổi được giao thức của dịch vụ"));
        }
        describedWell(violations, draft);
        boolean hasDocument = draft.document() != null && !draft.document().isBlank();
        if (hasDocument) {
            violations.addAll(descriptions.check(service.protocol(), draft.document()));
        } else if (service.state() == ServiceState.PUBLISHED || service.state() == ServiceState.DEPRECATED) {
            violations.add(new RegistryViolation("document", "required", "Dịch vụ đã công bố phải giữ tài liệu mô tả"));
        }
        RegistryRules.throwIfAny(violations);
        ServiceDraft clean = new ServiceDraft(service.address(), service.protocol(), draft.name().strip(), draft.description(),
                draft.owner(), draft.securityLevel(), draft.sla(), draft.endpoint().strip(), hasDocument ? draft.document() : null,
                draft.logBodies(), draft.timeout(), draft.ratePerSecond(), draft.burst(), draft.maxRequestBytes());
        String before = store.document(serviceId).orElse(null);
        store.updateService(serviceId, clean, clock.instant());
        AuditRecord.Builder record = AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS).object("lgsp-service", service.address().path());
        changedField(record, "name", service.name(), clean.name());
        changedField(record, "description", service.description(), clean.description() == null ? "" : clean.description());
        changedField(record, "owner", service.owner(), clean.owner() == null ? "" : clean.owner());
        changedField(record, "securityLevel", service.securityLevel(), clean.securityLevel());
        changedField(record, "sla", service.sla(), clean.sla() == null ? "" : clean.sla());
        changedField(record, "endpoint", service.endpoint(), clean.endpoint());
        changedField(record, "logBodies", service.logBodies(), clean.logBodies());
        changedField(record, "timeout", service.timeout(), clean.timeout());
        changedField(record, "ratePerSecond", service.ratePerSecond(), clean.ratePerSecond());
        changedField(record, "burst", service.burst(), clean.burst());
        changedField(record, "maxRequestBytes", service.maxRequestBytes(), clean.maxRequestBytes());
        if (!java.util.Objects.equals(before, clean.document())) {
            record.changed(List.of("document"));
        }
        audit.record(record.build());
        changed();
        return store.service(serviceId).orElseThrow();
    }

    /** What a new service and a change of one must both have: a security level, a name, texts, endpoint and limits within the rules. */
    private static void describedWell(List<RegistryViolation> violations, ServiceDraft draft) {
        if (draft.securityLevel() == null) {
            violations.add(new RegistryViolation("securityLevel", "required", "Trường securityLevel (mức độ bảo mật) là bắt buộc"));
        }
        RegistryRules.name(violations, "name", draft.name());
        RegistryRules.text(violations, "description", draft.description(), RegistryRules.MAX_TEXT);
        RegistryRules.text(violations, "owner", draft.owner(), RegistryRules.MAX_NAME);
        RegistryRules.text(violations, "sla", draft.sla(), RegistryRules.MAX_TEXT);
        RegistryRules.endpoint(violations, "endpoint", draft.endpoint());
        RegistryRules.limits(violations, draft.timeout(), draft.ratePerSecond(), draft.burst(), draft.maxRequestBytes());
    }

    private static void changedField(AuditRecord.Builder record, String field, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            record.changed(field, before, after);
        }
    }

    /** Forward only (testing → draft too); skipping steps forward is allowed. */
    static boolean allowed(ServiceState from, ServiceState to) {
        return to.ordinal() > from.ordinal() || (from == ServiceState.TESTING && to == ServiceState.DRAFT);
    }

    @Override
    @Transactional
    public RegisteredService changeState(UUID serviceId, ServiceState to, String reason) {
        permissions.checkOperator("chuyển trạng thái dịch vụ");
        RegisteredService service = store.service(serviceId).orElseThrow(() -> notFound("service", "Không có dịch vụ này"));
        List<RegistryViolation> violations = new ArrayList<>();
        RegistryRules.reason(violations, "reason", reason);
        if (to == null) {
            violations.add(new RegistryViolation("state", "required", "Phải nêu trạng thái mới"));
        } else if (!allowed(service.state(), to)) {
            violations.add(new RegistryViolation("state", "transition", "Không được chuyển dịch vụ từ "
                    + vietnamese(service.state()) + " sang " + vietnamese(to)
                    + " (chỉ chuyển tiếp: nháp → thử nghiệm → công bố → ngừng khuyến nghị → thu hồi; thử nghiệm → nháp)"));
        } else if (to == ServiceState.PUBLISHED) {
            Optional<String> document = store.document(serviceId);
            if (document.isEmpty()) {
                violations.add(new RegistryViolation("document", "required",
                        "Phải có tài liệu mô tả (" + (service.protocol() == Protocol.SOAP ? "WSDL" : "OpenAPI") + ") trước khi công bố"));
            } else {
                violations.addAll(descriptions.check(service.protocol(), document.get()));
            }
        }
        RegistryRules.throwIfAny(violations);
        Instant now = clock.instant();
        if (!store.updateState(serviceId, service.state(), to, now)) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "state", "concurrent", "Dịch vụ vừa được người khác chuyển trạng thái; hãy tải lại");
        }
        store.insertHistory(serviceId, service.state(), to, reason.strip(), permissions.actor(), now);
        audit.record(AuditRecord.builder(STATE_CHANGED, Outcome.SUCCESS).object("lgsp-service", service.address().path())
                .changed("state", service.state(), to).detail("reason", reason.strip()).build());
        changed();
        return store.service(serviceId).orElseThrow();
    }

    @Override
    @Transactional
    public AccessRequest requestAccess(UUID consumerId, UUID serviceId, List<String> operations, String purpose) {
        RegistrySubsystem consumer = store.subsystem(consumerId).orElseThrow(() -> notFound("consumer", "Không có hệ thống này"));
        RegistryMember member = store.member(consumer.memberId()).orElseThrow();
        permissions.checkActFor(member, "yêu cầu quyền truy cập cho hệ thống này");
        RegisteredService service = store.service(serviceId).orElseThrow(() -> notFound("service", "Không có dịch vụ này"));
        List<RegistryViolation> violations = new ArrayList<>();
        if (service.state() == ServiceState.RETIRED) {
            violations.add(new RegistryViolation("service", "retired", "Dịch vụ " + service.address().path() + " đã thu hồi, không nhận yêu cầu mới"));
        }
        List<String> normalized = RegistryRules.operations(violations, operations, service.protocol());
        RegistryRules.reason(violations, "purpose", purpose);
        RegistryRules.throwIfAny(violations);
        UUID id = UUID.randomUUID();
        store.insertRequest(id, consumerId, serviceId, normalized, purpose.strip(), permissions.actor(), clock.instant());
        audit.record(AuditRecord.builder(ACCESS_REQUESTED, Outcome.SUCCESS).object("lgsp-access-request", id.toString())
                .detail("consumer", consumer.path()).detail("service", service.address().path())
                .detail("operations", String.join(", ", normalized)).detail("purpose", purpose.strip()).build());
        return store.request(id).orElseThrow();
    }

    @Override
    @Transactional
    public AccessRequest approve(UUID requestId, String note) {
        AccessRequest request = pending(requestId);
        RegisteredService service = store.service(request.serviceId()).orElseThrow();
        checkProvider(service, "duyệt yêu cầu truy cập dịch vụ này");
        if (service.state() == ServiceState.RETIRED) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "service", "retired",
                    "Dịch vụ " + service.address().path() + " đã thu hồi, không cấp quyền mới");
        }
        List<RegistryViolation> violations = new ArrayList<>();
        RegistryRules.text(violations, "note", note, 1000);
        RegistryRules.throwIfAny(violations);
        Instant now = clock.instant();
        String actor = permissions.actor();
        if (!store.decide(requestId, AccessRequestState.APPROVED, actor, now, note == null || note.isBlank() ? null : note.strip())) {
            throw alreadyDecided();
        }
        for (String operation : request.operations()) {
            store.insertRight(UUID.randomUUID(), request.consumerId(), request.serviceId(), operation, requestId, actor, now);
        }
        audit.record(AuditRecord.builder(AuditActions.PERMISSION_CHANGED, Outcome.SUCCESS).object("lgsp-access-request", requestId.toString())
                .changed("state", AccessRequestState.PENDING, AccessRequestState.APPROVED)
                .detail("consumer", request.consumer()).detail("service", request.service().path())
                .detail("operations", String.join(", ", request.operations())).build());
        changed();
        return store.request(requestId).orElseThrow();
    }

    @Override
    @Transactional
    public AccessRequest refuse(UUID requestId, String reason) {
        AccessRequest request = pending(requestId);
        RegisteredService service = store.service(request.serviceId()).orElseThrow();
        checkProvider(service, "từ chối yêu cầu truy cập dịch vụ này");
        List<RegistryViolation> violations = new ArrayList<>();
        RegistryRules.reason(violations, "reason", reason);
        RegistryRules.throwIfAny(violations);
        if (!store.decide(requestId, AccessRequestState.REFUSED, permissions.actor(), clock.instant(), reason.strip())) {
            throw alreadyDecided();
        }
        audit.record(AuditRecord.builder(ACCESS_REFUSED, Outcome.SUCCESS).object("lgsp-access-request", requestId.toString())
                .changed("state", AccessRequestState.PENDING, AccessRequestState.REFUSED)
                .detail("consumer", request.consumer()).detail("service", request.service().path())
                .detail("reason", reason.strip()).build());
        return store.request(requestId).orElseThrow();
    }

    @Override
    @Transactional
    public AccessRight revoke(UUID rightId, String reason) {
        AccessRight right = store.right(rightId).orElseThrow(() -> notFound("right", "Không có quyền truy cập này"));
        RegisteredService service = store.service(right.serviceId()).orElseThrow();
        checkProvider(service, "thu hồi quyền truy cập dịch vụ này");
        List<RegistryViolation> violations = new ArrayList<>();
        RegistryRules.reason(violations, "reason", reason);
        RegistryRules.throwIfAny(violations);
        if (!store.revokeRight(rightId, permissions.actor(), clock.instant(), reason.strip())) {
            throw new RegistryRejected(RegistryRejected.Why.CONFLICT, "right", "revoked", "Quyền này đã bị thu hồi");
        }
        audit.record(AuditRecord.builder(AuditActions.PERMISSION_CHANGED, Outcome.SUCCESS).object("lgsp-access-right", rightId.toString())
                .changed("revoked", false, true).detail("consumer", right.consumer()).detail("service", right.service().path())
                .detail("operation", right.operation()).detail("reason", reason.strip()).build());
        changed();
        return store.right(rightId).orElseThrow();
    }

    @Override
    @Transactional
    public List<AccessRight> grant(UUID consumerId, UUID serviceId, List<String> operations, String purpose) {
        permissions.checkOperator("cấp trực tiếp quyền truy cập");
        AccessRequest request = requestAccess(consumerId, serviceId, operations, purpose);
        approve(request.id(), "Cấp trực tiếp bởi cán bộ vận hành");
        return store.rightsOfRequest(request.id());
    }

    /**
     * For services the platform registers itself at start-up: takes the configured endpoint and the shipped
     * description when they differ from the stored ones (audited, generation bumped).
     */
    @Transactional
    void refreshEndpointAndDocument(UUID serviceId, String endpoint, String document) {
        RegisteredService service = store.service(serviceId).orElseThrow();
        String stored = store.document(serviceId).orElse(null);
        if (service.endpoint().equals(endpoint) && java.util.Objects.equals(stored, document)) {
            return;
        }
        List<RegistryViolation> violations = new ArrayList<>();
        RegistryRules.endpoint(violations, "endpoint", endpoint);
        violations.addAll(descriptions.check(service.protocol(), document));
        RegistryRules.throwIfAny(violations);
        store.updateEndpointAndDocument(serviceId, endpoint, document, clock.instant());
        audit.record(AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS).object("lgsp-service", service.address().path())
                .changed("endpoint", service.endpoint(), endpoint).changed("document", stored == null ? null : "(cũ)", "(bản kèm nền tảng)")
                .build());
        changed();
    }

    @Override
    public Optional<RegistryMember> member(String code) {
        return store.member(code);
    }

    @Override
    public Optional<RegistrySubsystem> subsystem(String member, String code) {
        return store.subsystem(member, code);
    }

    @Override
    public Optional<RegisteredService> service(UUID id) {
        return store.service(id);
    }

    @Override
    public Optional<RegisteredService> service(ServiceAddress address) {
        return store.service(address);
    }

    @Override
    public List<AccessRight> rights(UUID consumerId) {
        return store.rightsOfConsumer(consumerId);
    }

    @Override
    public List<RegistryMember> members() {
        return store.members();
    }

    @Override
    public List<RegistrySubsystem> subsystems() {
        return store.subsystems();
    }

    @Override
    public List<RegisteredService> services() {
        return store.services();
    }

    @Override
    public List<AccessRequest> accessRequests(AccessRequestState state) {
        return store.requests(state);
    }

    /** The provider's side decides: an operator, or an administrator of the provider member's agency. */
    private void checkProvider(RegisteredService service, String act) {
        RegistryMember provider = store.member(service.address().provider()).orElseThrow();
        permissions.checkActFor(provider, act);
    }

    private AccessRequest pending(UUID requestId) {
        AccessRequest request = store.request(requestId).orElseThrow(() -> notFound("request", "Không có yêu cầu truy cập này"));
        if (request.state() != AccessRequestState.PENDING) {
            throw alreadyDecided();
        }
        return request;
    }

    /** Bumps the generation in this transaction and reloads this node's snapshot once it commits. */
    private void changed() {
        store.bumpGeneration();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    registry.refresh();
                }
            });
        } else {
            registry.refresh();
        }
    }

    static String vietnamese(ServiceState state) {
        return switch (state) {
            case DRAFT -> "nháp";
            case TESTING -> "thử nghiệm";
            case PUBLISHED -> "công bố";
            case DEPRECATED -> "ngừng khuyến nghị";
            case RETIRED -> "thu hồi";
        };
    }

    private static RegistryRejected alreadyDecided() {
        return new RegistryRejected(RegistryRejected.Why.CONFLICT, "request", "decided", "Yêu cầu này đã được quyết định");
    }

    private static RegistryRejected notFound(String field, String message) {
        return new RegistryRejected(RegistryRejected.Why.NOT_FOUND, field, "not-found", message);
    }
}
