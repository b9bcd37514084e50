package vn.gov.egov.lgsp.messagelog;

/**
 * Keeps a record of an exchange. Never blocks the caller for disk or database work: records are queued and written
 * in batches; a full queue slows callers down rather than losing records; a clean shutdown writes every queued record.
 */
public interface MessageLog {

    void record(LoggedCall call);
}
