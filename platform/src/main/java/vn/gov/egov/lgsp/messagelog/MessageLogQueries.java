package vn.gov.egov.lgsp.messagelog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reading the message log (monitoring, operators' pages, tests). Reads go to the database: written records only
 * ({@link #flush} first to see what was just recorded).
 */
public interface MessageLogQueries {

    /** Every record of this request id (a call, and the events it caused), oldest first. */
    List<LogRecord> byRequestId(String requestId);

    /** One record by its place in its node's chain. */
    Optional<LogRecord> record(String nodeId, long sequence);

    /** Records matching the search, newest first; {@code size} at most 500. */
    LogPage search(LogSearch search, int page, int size);

    /**
     * Opens the record's sealed bodies. Callers that show them to a person must audit the reading (the message log
     * does not know who reads).
     */
    Optional<LogBodies> bodies(String nodeId, long sequence);

    /** Waits until everything recorded on this node before the call is written; false when the wait timed out. */
    boolean flush(Duration timeout);

    /** Verifies every node's chain for the records received in {@code [from, to)}. */
    ChainCheck verify(Instant from, Instant to);
}
