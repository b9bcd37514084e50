package vn.gov.egov.lgsp.messagelog;

import java.time.Duration;
import java.util.List;

/**
 * Figures of the gateway's calls over a recent window, cluster-wide, from the message log's per-minute roll-up (kept
 * by the writers in the same transaction as the records, so no record is scanned). The window is counted in whole
 * minutes: "the last 15 minutes" includes the minute in which it began.
 */
public interface CallStatistics {

    /** Per service, for calls received in the last {@code window}; busiest first. */
    List<CallFigures> byService(Duration window);

    /** Per consumer, for calls received in the last {@code window}; busiest first. */
    List<CallFigures> byConsumer(Duration window);
}
