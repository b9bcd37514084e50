package vn.gov.egov.lgsp.messagelog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies each node's chain over a period: from the record before the period's first one (or the chain's anchor
 * after a purge) to the period's last one — or to the head when nothing follows the period, so that deleted last
 * records show — recomputing every hash and checking each link, in one consistent read-only snapshot.
 */
class ChainVerifier {

    static final int MAX_PROBLEMS = 100;

    private final MessageLogStore store;
    private final Clock clock;

    ChainVerifier(MessageLogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ChainCheck verify(Instant from, Instant to) {
        Instant started = clock.instant();
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? started.plus(Duration.ofDays(1)) : to;
        List<ChainCheck.Problem> problems = new ArrayList<>();
        long[] checked = {0};
        store.inSnapshot(() -> {
            for (String node : store.nodes()) {
                checked[0] += verifyNode(node, start, end, problems);
            }
            return null;
        });
        return new ChainCheck(problems.isEmpty(), start, end, checked[0], List.copyOf(problems), started,
                Duration.between(started, clock.instant()).toMillis());
    }

    private long verifyNode(String node, Instant from, Instant to, List<ChainCheck.Problem> problems) {
        MessageLogStore.Anchor anchor = store.anchor(node);
        Map<String, Object> range = store.jdbc().queryForMap("SELECT min(sequence) AS first, max(sequence) AS last"
                + " FROM lgsp_log_record WHERE node_id = ? AND at >= ? AND at < ?", node, Timestamp.from(from),
                Timestamp.from(to));
        Long maxStored = store.jdbc().queryForObject("SELECT max(sequence) FROM lgsp_log_record WHERE node_id = ?",
                Long.class, node);
        Long first = (Long) range.get("first");
        Long last = (Long) range.get("last");
        long end;
        if (last == null) {
            // nothing of this node in the period: only a deleted end of the chain can concern it
            if ((maxStored == null ? anchor.sequence() : maxStored) >= anchor.headSequence()) {
                return 0;
            }
            Instant lastAt = maxStored == null ? Instant.EPOCH : store.jdbc().queryForObject(
                    "SELECT at FROM lgsp_log_record WHERE node_id = ? AND sequence = ?", Timestamp.class, node,
                    maxStored).toInstant();
            if (lastAt.isAfter(to)) {
                return 0;
            }
            first = (maxStored == null ? anchor.sequence() : maxStored) + 1;
            end = anchor.headSequence();
        } else {
            end = last >= (maxStored == null ? 0 : maxStored) ? anchor.headSequence() : last;
        }
        long begin = Math.max(anchor.sequence() + 1, first - 1);
        Walk walk = new Walk(node, begin, begin == anchor.sequence() + 1 ? anchor.hash() : null, problems);
        store.stream(node, begin, end, walk::accept);
        walk.finish(end, anchor);
        return walk.checked;
    }

    private static final class Walk {

        private final String node;
        private final List<ChainCheck.Problem> problems;
        private long expected;
        private String previousHash;
        private long checked;

        Walk(String node, long begin, String previousHash, List<ChainCheck.Problem> problems) {
            this.node = node;
            this.expected = begin;
            this.previousHash = previousHash;
            this.problems = problems;
        }

        void accept(LogRow row) {
            checked++;
            if (row.sequence() != expected) {
                problem(expected, null, ChainCheck.Kind.MISSING, row.sequence() == expected + 1
                        ? "record " + expected + " is missing (deleted)"
                        : "records " + expected + " to " + (row.sequence() - 1) + " are missing (deleted)");
            } else if (previousHash != null && !previousHash.equals(row.previousHash())) {
                problem(row.sequence(), row.requestId(), ChainCheck.Kind.PREVIOUS_HASH_MISMATCH,
                        "it does not point to the hash of record " + (row.sequence() - 1));
            }
            if (row.purged()) {
                if (row.hasContent()) {
                    problem(row.sequence(), row.requestId(), ChainCheck.Kind.BAD_PURGE,
                            "marked purged but it still has content");
                }
            } else if (!row.intact()) {
                problem(row.sequence(), row.requestId(), ChainCheck.Kind.HASH_MISMATCH,
                        "its content does not match its hash: the record was altered");
            }
            expected = row.sequence() + 1;
            previousHash = row.hash();
        }

        void finish(long end, MessageLogStore.Anchor anchor) {
            if (expected <= end) {
                problem(expected, null, ChainCheck.Kind.MISSING, "records " + expected + " to " + end
                        + " are missing (deleted)");
            } else if (end == anchor.headSequence() && end > anchor.sequence() && previousHash != null
                    && !previousHash.equals(anchor.headHash())) {
                problem(end, null, ChainCheck.Kind.HEAD_MISMATCH, "the last record's hash is not the chain's head");
            }
        }

        private void problem(long sequence, String requestId, ChainCheck.Kind kind, String detail) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ChainCheck.Problem(node, sequence, requestId, kind, detail));
            }
        }
    }
}
