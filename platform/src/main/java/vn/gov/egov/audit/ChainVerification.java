package vn.gov.egov.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of walking the chain: {@code ok} when every entry from the checkpoint to the head is there, in order,
 * and says what it said when it was sealed. Otherwise {@code firstBrokenSequence} is where the chain first breaks and
 * {@code problems} lists the first {@value ChainVerifier#MAX_PROBLEMS} breaks ({@code problemCount} counts all).
 *
 * @param checkpointSequence the last purged entry (0 when nothing was purged): verification starts after it
 * @param headSequence       the last sealed entry when verification started
 * @param pendingEntries     records written but not yet sealed (not verified yet)
 */
record ChainVerification(boolean ok, long entriesChecked, Long firstBrokenSequence, long problemCount,
                         List<Problem> problems, long checkpointSequence, long headSequence, String headHash,
                         long pendingEntries, Instant verifiedAt, long durationMillis) {

    enum Kind {
        /** The entry's content no longer matches its hash: it was altered. */
        HASH_MISMATCH,
        /** The entry does not point to the hash of the entry before it: that one was altered and re-hashed, or replaced. */
        PREVIOUS_HASH_MISMATCH,
        /** Numbers are missing: those entries were deleted. */
        SEQUENCE_GAP,
        /** The last entries up to the head are missing: they were deleted. */
        TRUNCATED,
        /** The last entry's hash is not the one the head recorded. */
        HEAD_MISMATCH,
        /** The row cannot be read as an entry any more (e.g. an outcome or JSON field was rewritten). */
        UNREADABLE,
        /** The purge checkpoint verification starts from is not confirmed by a purge entry in the chain. */
        UNCONFIRMED_CHECKPOINT
    }

    record Problem(long sequence, Kind kind, String detail) {
    }
}
