package vn.gov.egov.lgsp.messagelog;

import java.time.Instant;
import java.util.List;

/**
 * The result of verifying the message log's chains over a period: {@code ok} when every record of every node's
 * chain in the period is present, in order, links to its predecessor and says what it said when written. Otherwise
 * {@code problems} names each bad record, the first one first for each node (at most 100 in all).
 *
 * @param from            start of the period verified
 * @param to              end of the period verified
 * @param recordsChecked  how many records were read
 */
public record ChainCheck(boolean ok, Instant from, Instant to, long recordsChecked, List<Problem> problems,
                         Instant verifiedAt, long durationMillis) {

    public enum Kind {
        /** The record's content no longer matches its hash: it was altered. */
        HASH_MISMATCH,
        /** The record does not point to its predecessor's hash: that one was altered and re-hashed, or replaced. */
        PREVIOUS_HASH_MISMATCH,
        /** Sequence numbers are missing: those records were deleted. */
        MISSING,
        /** The node's last record is not the head the chain recorded: records at the end were deleted or altered. */
        HEAD_MISMATCH,
        /** A record marked purged still has content, or was purged before its retention ended. */
        BAD_PURGE
    }

    /** The first bad record of a node's chain (and further ones). */
    public record Problem(String nodeId, long sequence, String requestId, Kind kind, String detail) {
    }
}
