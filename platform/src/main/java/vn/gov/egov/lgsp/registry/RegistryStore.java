package vn.gov.egov.lgsp.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's tables, for the administration side (the gateway reads through {@link SnapshotRegistry}). */
@Repository
class RegistryStore {

    private static final String MEMBER = "SELECT id, code, name, kind, agency_code FROM lgsp_registry_member";
    private static final String SUBSYSTEM = "SELECT ss.id, ss.member_id, m.code AS member, ss.code, ss.name, ss.client_id"
            + " FROM lgsp_registry_subsystem ss JOIN lgsp_registry_member m ON m.id = ss.member_id";
    private static final String SERVICE = "SELECT s.*, m.code AS member, m.name AS member_name, ss.code AS subsystem,"
            + " ss.name AS subsystem_name, (s.document IS NOT NULL) AS has_document FROM lgsp_registry_service s"
            + " JOIN lgsp_registry_subsystem ss ON ss.id = s.subsystem_id JOIN lgsp_registry_member m ON m.id = ss.member_id";
    private static final String REQUEST = "SELECT r.*, m.code AS member, ss.code AS subsystem, pm.code AS p_member,"
            + " ps.code AS p_subsystem, s.code AS s_code, s.version AS s_version FROM lgsp_registry_access_request r"
            + " JOIN lgsp_registry_subsystem ss ON ss.id = r.consumer_id JOIN lgsp_registry_member m ON m.id = ss.member_id"
            + " JOIN lgsp_registry_service s ON s.id = r.service_id JOIN lgsp_registry_subsystem ps ON ps.id = s.subsystem_id"
            + " JOIN lgsp_registry_member pm ON pm.id = ps.member_id";
    private static final String RIGHT = "SELECT r.*, m.code AS member, ss.code AS subsystem, pm.code AS p_member,"
            + " ps.code AS p_subsystem, s.code AS s_code, s.version AS s_version FROM lgsp_registry_access_right r"
            + " JOIN lgsp_registry_subsystem ss ON ss.id = r.consumer_id JOIN lgsp_registry_member m ON m.id = ss.member_id"
            + " JOIN lgsp_registry_service s ON s.id = r.service_id JOIN lgsp_registry_subsystem ps ON ps.id = s.subsystem_id"
            + " JOIN lgsp_registry_member pm ON pm.id = ps.member_id";

    private final JdbcClient jdbc;

    RegistryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** Grows the generation in the caller's transaction: other nodes reload when it commits. */
    long bumpGeneration() {
        return jdbc.sql("UPDATE lgsp_registry_generation SET value = value + 1 WHERE id = 1 RETURNING value")
                .query(Long.class).single();
    }

    // members

    void insertMember(RegistryMember member, String by, Instant at) {
        jdbc.sql("INSERT INTO lgsp_registry_member (id, code, name, kind, agency_code, created_by, created_at)"
                        + " VALUES (:id, :code, :name, :kind, :agency, :by, :at)")
                .param("id", member.id()).param("code", member.code()).param("name", member.name())
                .param("kind", member.kind().name()).param("agency", member.agencyCode()).param("by", by).param("at", ts(at))
                .update();
    }

    Optional<RegistryMember> member(String code) {
        return jdbc.sql(MEMBER + " WHERE code = :code").param("code", code).query(RegistryStore::member).optional();
    }

    Optional<RegistryMember> member(UUID id) {
        return jdbc.sql(MEMBER + " WHERE id = :id").param("id", id).query(RegistryStore::member).optional();
    }

    List<RegistryMember> members() {
        return jdbc.sql(MEMBER + " ORDER BY code").query(RegistryStore::member).list();
    }

    // subsystems

    void insertSubsystem(RegistrySubsystem subsystem, String by, Instant at) {
        jdbc.sql("INSERT INTO lgsp_registry_subsystem (id, member_id, code, name, client_id, created_by, created_at)"
                        + " VALUES (:id, :member, :code, :name, :client, :by, :at)")
                .param("id", subsystem.id()).param("member", subsystem.memberId()).param("code", subsystem.code())
                .param("name", subsystem.name()).param("client", subsystem.clientId()).param("by", by).param("at", ts(at))
                .update();
    }

    void updateClient(UUID subsystemId, String clientId) {
        jdbc.sql("UPDATE lgsp_registry_subsystem SET client_id = :client WHERE id = :id")
                .param("client", clientId).param("id", subsystemId).update();
    }

    Optional<RegistrySubsystem> subsystem(UUID id) {
        return jdbc.sql(SUBSYSTEM + " WHERE ss.id = :id").param("id", id).query(RegistryStore::subsystem).optional();
    }

    Optional<RegistrySubsystem> subsystem(String member, String code) {
        return jdbc.sql(SUBSYSTEM + " WHERE m.code = :member AND ss.code = :code").param("member", member).param("code", code)
                .query(RegistryStore::subsystem).optional();
    }

    Optional<RegistrySubsystem> subsystemByClient(String clientId) {
        return jdbc.sql(SUBSYSTEM + " WHERE ss.client_id = :client").param("client", clientId)
                .query(RegistryStore::subsystem).optional();
    }

    List<RegistrySubsystem> subsystems() {
        return jdbc.sql(SUBSYSTEM + " ORDER BY m.code, ss.code").query(RegistryStore::subsystem).list();
    }

    // services

    void insertService(UUID id, UUID subsystemId, ServiceDraft draft, String by, Instant at) {
        jdbc.sql("INSERT INTO lgsp_registry_service (id, subsystem_id, code, version, protocol, name, description, owner,"
                        + " security_level, sla, endpoint, document, state, log_bodies, timeout_millis, rate_per_second, burst,"
                        + " max_request_bytes, created_by, created_at, updated_at) VALUES (:id, :subsystem, :code, :version,"
                        + " :protocol, :name, :description, :owner, :level, :sla, :endpoint, :document, 'DRAFT', :logBodies,"
                        + " :timeout, :rate, :burst, :max, :by, :at, :at)")
                .param("id", id).param("subsystem", subsystemId).param("code", draft.address().service())
                .param("version", draft.address().version()).param("protocol", draft.protocol().name())
                .param("name", draft.name()).param("description", nullToEmpty(draft.description()))
                .param("owner", nullToEmpty(draft.owner())).param("level", draft.securityLevel().name())
                .param("sla", nullToEmpty(draft.sla())).param("endpoint", draft.endpoint()).param("document", draft.document())
                .param("logBodies", draft.logBodies()).param("timeout", (int) draft.timeout().toMillis())
                .param("rate", draft.ratePerSecond()).param("burst", draft.burst()).param("max", draft.maxRequestBytes())
                .param("by", by).param("at", ts(at))
                .update();
    }

    Optional<RegisteredService> service(UUID id) {
        return jdbc.sql(SERVICE + " WHERE s.id = :id").param("id", id).query(RegistryStore::service).optional();
    }

    Optional<RegisteredService> service(ServiceAddress address) {
        return jdbc.sql(SERVICE + " WHERE m.code = :member AND ss.code = :subsystem AND s.code = :code AND s.version = :version")
                .param("member", address.provider()).param("subsystem", address.subsystem())
                .param("code", address.service()).param("version", address.version())
                .query(RegistryStore::service).optional();
    }

    List<RegisteredService> services() {
        return jdbc.sql(SERVICE + " ORDER BY m.code, ss.code, s.code, s.version").query(RegistryStore::service).list();
    }

    Optional<String> document(UUID serviceId) {
        return jdbc.sql("SELECT document FROM lgsp_registry_service WHERE id = :id AND document IS NOT NULL")
                .param("id", serviceId).query(String.class).optional();
    }

    void updateService(UUID serviceId, ServiceDraft draft, Instant at) {
        jdbc.sql("UPDATE lgsp_registry_service SET name = :name, description = :description, owner = :owner,"
                        + " security_level = :level, sla = :sla, endpoint = :endpoint, document = :document, log_bodies = :logBodies,"
                        + " timeout_millis = :timeout, rate_per_second = :rate, burst = :burst, max_request_bytes = :max,"
                        + " updated_at = :at WHERE id = :id")
                .param("name", draft.name()).param("description", nullToEmpty(draft.description()))
                .param("owner", nullToEmpty(draft.owner())).param("level", draft.securityLevel().name())
                .param("sla", nullToEmpty(draft.sla())).param("endpoint", draft.endpoint()).param("document", draft.document())
                .param("logBodies", draft.logBodies()).param("timeout", (int) draft.timeout().toMillis())
                .param("rate", draft.ratePerSecond()).param("burst", draft.burst()).param("max", draft.maxRequestBytes())
                .param("at", ts(at)).param("id", serviceId)
                .update();
    }

    /** The endpoint and description of a service registered at start-up, when configuration changed them. */
    void updateEndpointAndDocument(UUID serviceId, String endpoint, String document, Instant at) {
        jdbc.sql("UPDATE lgsp_registry_service SET endpoint = :endpoint, document = :document, updated_at = :at WHERE id = :id")
                .param("endpoint", endpoint).param("document", document).param("at", ts(at)).param("id", serviceId)
                .update();
    }

    /** Moves the state only when it is still {@code from}: false when another change came first. */
    boolean updateState(UUID serviceId, ServiceState from, ServiceState to, Instant at) {
        return jdbc.sql("UPDATE lgsp_registry_service SET state = :to, updated_at = :at WHERE id = :id AND state = :from")
                .param("to", to.name()).param("from", from.name()).param("at", ts(at)).param("id", serviceId)
                .update() == 1;
    }

    void insertHistory(UUID serviceId, ServiceState from, ServiceState to, String reason, String by, Instant at) {
        jdbc.sql("INSERT INTO lgsp_registry_service_history (service_id, from_state, to_state, reason, changed_by, changed_at)"
                        + " VALUES (:service, :from, :to, :reason, :by, :at)")
                .param("service", serviceId).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("reason", reason).param("by", by).param("at", ts(at))
                .update();
    }

    List<StateChange> history(UUID serviceId) {
        return jdbc.sql("SELECT from_state, to_state, reason, changed_by, changed_at FROM lgsp_registry_service_history"
                        + " WHERE service_id = :service ORDER BY changed_at DESC, id DESC")
                .param("service", serviceId)
                .query((rs, row) -> new StateChange(rs.getString("from_state") == null ? null
                        : ServiceState.valueOf(rs.getString("from_state")), ServiceState.valueOf(rs.getString("to_state")),
                        rs.getString("reason"), rs.getString("changed_by"), instant(rs, "changed_at")))
                .list();
    }

    record StateChange(ServiceState from, ServiceState to, String reason, String by, Instant at) {
    }

    // access requests

    void insertRequest(UUID id, UUID consumerId, UUID serviceId, List<String> operations, String purpose, String by, Instant at) {
        jdbc.sql("INSERT INTO lgsp_registry_access_request (id, consumer_id, service_id, operations, purpose, state,"
                        + " requested_by, requested_at) VALUES (:id, :consumer, :service, :operations, :purpose, 'PENDING', :by, :at)")
                .param("id", id).param("consumer", consumerId).param("service", serviceId)
                .param("operations", String.join("\n", operations)).param("purpose", purpose)
                .param("by", by).param("at", ts(at))
                .update();
    }

    boolean decide(UUID requestId, AccessRequestState state, String by, Instant at, String decision) {
        return jdbc.sql("UPDATE lgsp_registry_access_request SET state = :state, decided_by = :by, decided_at = :at,"
                        + " decision = :decision WHERE id = :id AND state = 'PENDING'")
                .param("state", state.name()).param("by", by).param("at", ts(at)).param("decision", decision)
                .param("id", requestId)
                .update() == 1;
    }

    Optional<AccessRequest> request(UUID id) {
        return jdbc.sql(REQUEST + " WHERE r.id = :id").param("id", id).query(RegistryStore::request).optional();
    }

    List<AccessRequest> requests(AccessRequestState state) {
        return jdbc.sql(REQUEST + (state == null ? "" : " WHERE r.state = :state") + " ORDER BY r.requested_at DESC")
                .params(state == null ? java.util.Map.of() : java.util.Map.of("state", state.name()))
                .query(RegistryStore::request).list();
    }

    // access rights

    /** Inserts the right unless the same one is already active; true when inserted. */
    boolean insertRight(UUID id, UUID consumerId, UUID serviceId, String operation, UUID requestId, String by, Instant at) {
        return jdbc.sql("INSERT INTO lgsp_registry_access_right (id, consumer_id, service_id, operation, request_id, granted_by,"
                        + " granted_at) VALUES (:id, :consumer, :service, :operation, :request, :by, :at) ON CONFLICT DO NOTHING")
                .param("id", id).param("consumer", consumerId).param("service", serviceId).param("operation", operation)
                .param("request", requestId).param("by", by).param("at", ts(at))
                .update() == 1;
    }

    boolean revokeRight(UUID rightId, String by, Instant at, String reason) {
        return jdbc.sql("UPDATE lgsp_registry_access_right SET revoked_by = :by, revoked_at = :at, revoked_because = :reason"
                        + " WHERE id = :id AND revoked_at IS NULL")
                .param("by", by).param("at", ts(at)).param("reason", reason).param("id", rightId)
                .update() == 1;
    }

    Optional<AccessRight> right(UUID id) {
        return jdbc.sql(RIGHT + " WHERE r.id = :id").param("id", id).query(RegistryStore::right).optional();
    }

    List<AccessRight> rightsOfConsumer(UUID consumerId) {
        return jdbc.sql(RIGHT + " WHERE r.consumer_id = :consumer ORDER BY r.granted_at DESC").param("consumer", consumerId)
                .query(RegistryStore::right).list();
    }

    List<AccessRight> rightsOfRequest(UUID requestId) {
        return jdbc.sql(RIGHT + " WHERE r.request_id = :request ORDER BY r.operation").param("request", requestId)
                .query(RegistryStore::right).list();
    }

    List<AccessRight> rights() {
        return jdbc.sql(RIGHT + " ORDER BY r.granted_at DESC").query(RegistryStore::right).list();
    }

    // client certificates (mutual TLS)

    private static final String CERTIFICATE = "SELECT id, subsystem_id, thumbprint, subject, issuer, serial_number, not_before,"
            + " not_after, registered_by, registered_at FROM lgsp_registry_client_certificate";

    void insertCertificate(ClientCertificate certificate, String pem) {
        jdbc.sql("INSERT INTO lgsp_registry_client_certificate (id, subsystem_id, thumbprint, subject, issuer, serial_number,"
                        + " not_before, not_after, pem, registered_by, registered_at) VALUES (:id, :subsystem, :thumbprint, :subject,"
                        + " :issuer, :serial, :notBefore, :notAfter, :pem, :by, :at)")
                .param("id", certificate.id()).param("subsystem", certificate.subsystemId())
                .param("thumbprint", certificate.thumbprint()).param("subject", certificate.subject())
                .param("issuer", certificate.issuer()).param("serial", certificate.serialNumber())
                .param("notBefore", ts(certificate.notBefore())).param("notAfter", ts(certificate.notAfter()))
                .param("pem", pem).param("by", certificate.registeredBy()).param("at", ts(certificate.registeredAt()))
                .update();
    }

    boolean removeCertificate(UUID id, String by, Instant at, String reason) {
        return jdbc.sql("UPDATE lgsp_registry_client_certificate SET removed_by = :by, removed_at = :at, removed_because = :reason"
                        + " WHERE id = :id AND removed_at IS NULL")
                .param("by", by).param("at", ts(at)).param("reason", reason).param("id", id)
                .update() == 1;
    }

    /** A certificate by id, active or removed. */
    Optional<ClientCertificate> certificate(UUID id) {
        return jdbc.sql(CERTIFICATE + " WHERE id = :id").param("id", id).query(RegistryStore::certificate).optional();
    }

    Optional<ClientCertificate> activeCertificate(String thumbprint) {
        return jdbc.sql(CERTIFICATE + " WHERE thumbprint = :thumbprint AND removed_at IS NULL").param("thumbprint", thumbprint)
                .query(RegistryStore::certificate).optional();
    }

    List<ClientCertificate> certificatesOf(UUID subsystemId) {
        return jdbc.sql(CERTIFICATE + " WHERE subsystem_id = :subsystem AND removed_at IS NULL ORDER BY registered_at")
                .param("subsystem", subsystemId).query(RegistryStore::certificate).list();
    }

    /** Every system's active certificates (for the snapshot). */
    static List<ClientCertificate> activeCertificates(JdbcClient jdbc) {
        return jdbc.sql(CERTIFICATE + " WHERE removed_at IS NULL ORDER BY registered_at").query(RegistryStore::certificate).list();
    }

    // mapping

    private static ClientCertificate certificate(ResultSet rs, int row) throws SQLException {
        return new ClientCertificate(rs.getObject("id", UUID.class), rs.getObject("subsystem_id", UUID.class),
                rs.getString("thumbprint"), rs.getString("subject"), rs.getString("issuer"), rs.getString("serial_number"),
                instant(rs, "not_before"), instant(rs, "not_after"), rs.getString("registered_by"), instant(rs, "registered_at"));
    }

    private static RegistryMember member(ResultSet rs, int row) throws SQLException {
        return new RegistryMember(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                MemberKind.valueOf(rs.getString("kind")), rs.getString("agency_code"));
    }

    private static RegistrySubsystem subsystem(ResultSet rs, int row) throws SQLException {
        return new RegistrySubsystem(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getString("member"), rs.getString("code"), rs.getString("name"), rs.getString("client_id"));
    }

    private static RegisteredService service(ResultSet rs, int row) throws SQLException {
        return new RegisteredService(rs.getObject("id", UUID.class),
                new ServiceAddress(rs.getString("member"), rs.getString("subsystem"), rs.getString("code"), rs.getString("version")),
                Protocol.valueOf(rs.getString("protocol")), rs.getString("name"), rs.getString("description"),
                rs.getString("owner"), SecurityLevel.valueOf(rs.getString("security_level")), rs.getString("sla"),
                rs.getString("endpoint"), rs.getBoolean("has_document"), ServiceState.valueOf(rs.getString("state")),
                rs.getBoolean("log_bodies"), Duration.ofMillis(rs.getInt("timeout_millis")), rs.getInt("rate_per_second"),
                rs.getInt("burst"), rs.getLong("max_request_bytes"), rs.getString("member_name"),
                rs.getString("subsystem_name"), instant(rs, "updated_at"));
    }

    private static AccessRequest request(ResultSet rs, int row) throws SQLException {
        return new AccessRequest(rs.getObject("id", UUID.class), rs.getObject("consumer_id", UUID.class),
                rs.getString("member") + "/" + rs.getString("subsystem"), rs.getObject("service_id", UUID.class),
                new ServiceAddress(rs.getString("p_member"), rs.getString("p_subsystem"), rs.getString("s_code"), rs.getString("s_version")),
                List.of(rs.getString("operations").split("\n")), rs.getString("purpose"),
                AccessRequestState.valueOf(rs.getString("state")), rs.getString("requested_by"), instant(rs, "requested_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision"));
    }

    private static AccessRight right(ResultSet rs, int row) throws SQLException {
        return new AccessRight(rs.getObject("id", UUID.class), rs.getObject("consumer_id", UUID.class),
                rs.getString("member") + "/" + rs.getString("subsystem"), rs.getObject("service_id", UUID.class),
                new ServiceAddress(rs.getString("p_member"), rs.getString("p_subsystem"), rs.getString("s_code"), rs.getString("s_version")),
                rs.getString("operation"), rs.getObject("request_id", UUID.class), rs.getString("granted_by"),
                instant(rs, "granted_at"), rs.getString("revoked_by"), instant(rs, "revoked_at"));
    }

    private static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
