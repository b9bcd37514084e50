package vn.gov.egov.processing;

import java.time.Instant;
import java.util.UUID;

/**
 * Published once per step when it passes its due time without being completed: the unit's head is alerted.
 *
 * @param recipientGroup who is alerted: {@code DIVISION_HEAD@agency/unit} for a step of a division, else
 *                       {@code AGENCY_LEADER@agency}
 * @param holder         the official holding the step, {@code null} when nobody has claimed it
 * @param candidateGroupName the candidate group in words ("Chuyên viên – Phòng Quản lý xây dựng, Sở Xây dựng"),
 *                       {@code null} in alerts raised before it was carried
 */
public record StepOverdue(UUID stepId, UUID dossierId, String dossierCode, String stepName, String candidateGroup,
                          String holder, Instant dueAt, String recipientGroup, Instant raisedAt, String candidateGroupName) {
}
