package vn.gov.egov.processing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gov.egov.route.StepKind;

/** The module's tables: processed dossiers, their steps, comments, working papers and overdue alerts. */
@Repository
class ProcessingStore {

    /** A dossier under processing. */
    record ProcessedDossier(UUID dossierId, String code, String procedureCode, String procedureName, String receivingAgency,
                            String processDefinitionId, String processInstanceId, UUID routeVersionId, Instant startedAt,
                            boolean refusalProposed, String refusalReasons, String outcome, String resultTitle,
                            String decisionNote, String decidedBy, Instant decidedAt) {
    }

    record Comment(UUID id, UUID stepId, String author, String authorName, String text, Instant at) {
    }

    record WorkingPaper(UUID id, UUID stepId, String sha256, String fileName, String mediaType, long size, String storedBy,
                        String storedByName, Instant at) {
    }

    record Alert(UUID id, UUID stepId, UUID dossierId, String dossierCode, String recipientGroup, String message, Instant dueAt,
                 Instant raisedAt) {
    }

    private final JdbcClient jdbc;

    ProcessingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the dossier for a start; {@code false} when it was started before (a redelivered event). */
    boolean begin(UUID dossierId, String code, String procedureCode, String procedureName, String receivingAgency,
                  String processDefinitionId, UUID routeVersionId, Instant at) {
        return jdbc.sql("""
                insert into processing_dossier (dossier_id, dossier_code, procedure_code, procedure_name, receiving_agency,
                    process_definition_id, route_version_id, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(dossierId, code, procedureCode, procedureName, receivingAgency, processDefinitionId, routeVersionId, ts(at))
                .update() == 1;
    }

    void processInstance(UUID dossierId, String processInstanceId) {
        jdbc.sql("update processing_dossier set process_instance_id = ? where dossier_id = ?").params(processInstanceId, dossierId).update();
    }

    Optional<ProcessedDossier> dossier(UUID dossierId) {
        return jdbc.sql("select * from processing_dossier where dossier_id = ?").param(dossierId).query(ProcessingStore::dossier).optional();
    }

    Optional<ProcessedDossier> dossier(String code) {
        return jdbc.sql("select * from processing_dossier where dossier_code = ?").param(code).query(ProcessingStore::dossier).optional();
    }

    Optional<ProcessedDossier> dossierForUpdate(UUID dossierId) {
        return jdbc.sql("select * from processing_dossier where dossier_id = ? for update").param(dossierId)
                .query(ProcessingStore::dossier).optional();
    }

    void proposeRefusal(UUID dossierId, String reasons) {
        jdbc.sql("update processing_dossier set refusal_proposed = true, refusal_reasons = ? where dossier_id = ?")
                .params(reasons, dossierId).update();
    }

    void withdrawRefusalProposal(UUID dossierId) {
        jdbc.sql("update processing_dossier set refusal_proposed = false where dossier_id = ?").param(dossierId).update();
    }

    void decided(UUID dossierId, String outcome, String resultTitle, String note, String by, Instant at) {
        jdbc.sql("""
                update processing_dossier set outcome = ?, result_title = ?, decision_note = ?, decided_by = ?, decided_at = ?
                where dossier_id = ?""").params(outcome, resultTitle, note, by, ts(at), dossierId).update();
    }

    void ended(UUID dossierId, Instant at) {
        jdbc.sql("update processing_dossier set ended_at = ? where dossier_id = ? and ended_at is null").params(ts(at), dossierId).update();
    }

    // ---- steps

    void insertStep(ProcessingStep s, String agencyCode) {
        jdbc.sql("""
                insert into processing_step (id, dossier_id, seq, task_id, activity_id, name, kind, candidate_group, agency_code,
                    allowed_minutes, created_at, due_at, assignee, assignee_name, claimed_at, assigned_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.dossierId(), s.seq(), s.taskId(), s.activityId(), s.name(), s.kind() == null ? null : s.kind().name(),
                        s.candidateGroup(), agencyCode, s.allowedMinutes(), ts(s.createdAt()), ts(s.dueAt()), s.assignee(),
                        s.assigneeName(), ts(s.claimedAt()), null)
                .update();
    }

    Optional<ProcessingStep> step(UUID stepId) {
        return jdbc.sql("select * from processing_step where id = ?").param(stepId).query(ProcessingStore::step).optional();
    }

    /** The step under a row lock: two officials acting at once on it are served one after the other. */
    Optional<ProcessingStep> stepForUpdate(UUID stepId) {
        return jdbc.sql("select * from processing_step where id = ? for update").param(stepId).query(ProcessingStore::step).optional();
    }

    List<ProcessingStep> steps(UUID dossierId) {
        return jdbc.sql("select * from processing_step where dossier_id = ? order by seq").param(dossierId).query(ProcessingStore::step).list();
    }

    List<ProcessingStep> openSteps(UUID dossierId) {
        return jdbc.sql("select * from processing_step where dossier_id = ? and completed_at is null order by seq").param(dossierId)
                .query(ProcessingStore::step).list();
    }

    List<ProcessingStep> openAssignedTo(String username, int limit) {
        return jdbc.sql("select * from processing_step where assignee = ? and completed_at is null order by due_at limit ?")
                .params(username, limit).query(ProcessingStore::step).list();
    }

    List<ProcessingStep> openForGroups(Collection<String> groups, int limit) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from processing_step where candidate_group in (:groups) and completed_at is null order by due_at limit :limit")
                .param("groups", groups).param("limit", limit).query(ProcessingStore::step).list();
    }

    /** Dossiers the official holds or held a step of. */
    boolean heldBy(UUID dossierId, String username) {
        return jdbc.sql("select count(*) from processing_step where dossier_id = ? and (assignee = ? or completed_by = ?)")
                .params(dossierId, username, username).query(Integer.class).single() > 0;
    }

    List<String> groupsOf(UUID dossierId) {
        return jdbc.sql("select distinct candidate_group from processing_step where dossier_id = ? and candidate_group is not null")
                .param(dossierId).query(String.class).list();
    }

    /** Gives the step to the official; returns it as it now is. */
    ProcessingStep claim(UUID stepId, String username, String fullName, String assignedBy, Instant at) {
        return jdbc.sql("""
                        update processing_step set assignee = ?, assignee_name = ?, claimed_at = ?, assigned_by = ?
                        where id = ? returning *""")
                .params(username, fullName, ts(at), assignedBy, stepId).query(ProcessingStore::step).single();
    }

    void complete(UUID stepId, String by, String byName, String decision, String comment, Instant at, int usedMinutes) {
        jdbc.sql("""
                update processing_step set completed_at = ?, completed_by = ?, completed_by_name = ?, decision = ?, comment = ?,
                    used_minutes = ?, waiting_since = null
                where id = ?""").params(ts(at), by, byName, decision, comment, usedMinutes, stepId).update();
    }

    /** Open steps of the dossier start waiting for supplements (those already waiting keep their start). */
    int startWaiting(UUID dossierId, Instant since) {
        return jdbc.sql("update processing_step set waiting_since = ? where dossier_id = ? and completed_at is null and waiting_since is null")
                .params(ts(since), dossierId).update();
    }

    void stopWaiting(UUID stepId, Instant newDue, int addedStoppedMinutes) {
        jdbc.sql("update processing_step set waiting_since = null, due_at = ?, stopped_minutes = stopped_minutes + ? where id = ?")
                .params(ts(newDue), addedStoppedMinutes, stepId).update();
    }

    List<ProcessingStep> overdue(Instant now, int limit) {
        return jdbc.sql("""
                select * from processing_step where completed_at is null and waiting_since is null and alerted_at is null and due_at < ?
                order by due_at limit ?""").params(ts(now), limit).query(ProcessingStore::step).list();
    }

    /** Records the alert once per step; {@code false} when it was raised before. */
    boolean raiseAlert(Alert a) {
        int inserted = jdbc.sql("""
                insert into processing_alert (id, step_id, dossier_id, dossier_code, recipient_group, message, due_at, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (step_id) do nothing""")
                .params(a.id(), a.stepId(), a.dossierId(), a.dossierCode(), a.recipientGroup(), a.message(), ts(a.dueAt()), ts(a.raisedAt()))
                .update();
        jdbc.sql("update processing_step set alerted_at = ? where id = ?").params(ts(a.raisedAt()), a.stepId()).update();
        return inserted == 1;
    }

    List<Alert> alertsFor(Collection<String> groups, int limit) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select a.* from processing_alert a join processing_step s on s.id = a.step_id
                where a.recipient_group in (:groups) and s.completed_at is null order by a.raised_at desc limit :limit""")
                .param("groups", groups).param("limit", limit)
                .query((rs, n) -> new Alert(rs.getObject("id", UUID.class), rs.getObject("step_id", UUID.class),
                        rs.getObject("dossier_id", UUID.class), rs.getString("dossier_code"), rs.getString("recipient_group"),
                        rs.getString("message"), instant(rs, "due_at"), instant(rs, "raised_at"))).list();
    }

    // ---- comments and papers

    void comment(UUID dossierId, UUID stepId, String author, String authorName, String text, Instant at) {
        jdbc.sql("insert into processing_comment (id, dossier_id, step_id, author, author_name, text, at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), dossierId, stepId, author, authorName, text, ts(at)).update();
    }

    List<Comment> comments(UUID dossierId) {
        return jdbc.sql("select * from processing_comment where dossier_id = ? order by at, id").param(dossierId)
                .query((rs, n) -> new Comment(rs.getObject("id", UUID.class), rs.getObject("step_id", UUID.class), rs.getString("author"),
                        rs.getString("author_name"), rs.getString("text"), instant(rs, "at"))).list();
    }

    void paper(UUID dossierId, UUID stepId, String sha256, String fileName, String mediaType, long size, String by, String byName, Instant at) {
        jdbc.sql("""
                insert into processing_paper (id, dossier_id, step_id, sha256, file_name, media_type, size, stored_by, stored_by_name, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), dossierId, stepId, sha256, fileName, mediaType, size, by, byName, ts(at)).update();
    }

    List<WorkingPaper> papers(UUID dossierId) {
        return jdbc.sql("select * from processing_paper where dossier_id = ? order by at, id").param(dossierId)
                .query((rs, n) -> new WorkingPaper(rs.getObject("id", UUID.class), rs.getObject("step_id", UUID.class),
                        rs.getString("sha256"), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size"),
                        rs.getString("stored_by"), rs.getString("stored_by_name"), instant(rs, "at"))).list();
    }

    // ---- mapping

    private static ProcessedDossier dossier(ResultSet rs, int n) throws SQLException {
        return new ProcessedDossier(rs.getObject("dossier_id", UUID.class), rs.getString("dossier_code"), rs.getString("procedure_code"),
                rs.getString("procedure_name"), rs.getString("receiving_agency"), rs.getString("process_definition_id"),
                rs.getString("process_instance_id"), rs.getObject("route_version_id", UUID.class), instant(rs, "started_at"),
                rs.getBoolean("refusal_proposed"), rs.getString("refusal_reasons"), rs.getString("outcome"), rs.getString("result_title"),
                rs.getString("decision_note"), rs.getString("decided_by"), instant(rs, "decided_at"));
    }

    private static ProcessingStep step(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("kind");
        return new ProcessingStep(rs.getObject("id", UUID.class), rs.getObject("dossier_id", UUID.class), rs.getInt("seq"),
                rs.getString("activity_id"), rs.getString("name"), kind == null ? null : StepKind.valueOf(kind),
                rs.getString("candidate_group"), rs.getInt("allowed_minutes"), instant(rs, "created_at"), instant(rs, "due_at"),
                rs.getString("assignee"), rs.getString("assignee_name"), instant(rs, "claimed_at"), instant(rs, "waiting_since"),
                rs.getInt("stopped_minutes"), instant(rs, "completed_at"), rs.getString("completed_by"), rs.getString("completed_by_name"),
                rs.getString("decision"), rs.getString("comment"), (Integer) rs.getObject("used_minutes"), rs.getString("task_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
