package vn.gov.egov.processing;

import java.time.Instant;
import java.util.UUID;
import vn.gov.egov.route.StepKind;

/**
 * One step of a dossier's processing: a user task of its route, as the control sheet shows it.
 *
 * @param candidateGroup  {@code ROLE@agency} or {@code ROLE@agency/unit}
 * @param allowedMinutes  office time the step is given
 * @param usedMinutes     office time it took, less the time the clock stood still (while completed: {@code null} open)
 * @param decision        {@code FORWARD}, {@code RETURN}, {@code PROPOSE_REFUSAL}, {@code APPROVE}, {@code REFUSE},
 *                        {@code COMPLETE}; {@code null} while open
 */
public record ProcessingStep(UUID id, UUID dossierId, int seq, String activityId, String name, StepKind kind,
                             String candidateGroup, int allowedMinutes, Instant createdAt, Instant dueAt, String assignee,
                             String assigneeName, Instant claimedAt, Instant waitingSince, int stoppedMinutes,
                             Instant completedAt, String completedBy, String completedByName, String decision,
                             String comment, Integer usedMinutes, String taskId) {

    public boolean open() {
        return completedAt == null;
    }

    /** The decision in Vietnamese, with its comment: "Trả lại bước trước: thiếu …". Empty while open. */
    public String decisionText() {
        if (decision == null) {
            return "";
        }
        Decision d = Decision.parse(decision);
        String name = d == null ? decision : d.vietnameseName();
        return comment == null ? name : name + ": " + comment;
    }

    public boolean waiting() {
        return waitingSince != null && completedAt == null;
    }
}
