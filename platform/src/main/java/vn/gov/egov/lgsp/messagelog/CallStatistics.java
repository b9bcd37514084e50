package vn.gov.egov.lgsp.messagelog;

import java.time.Duration;
import java.util.List;

/** Figures of the gateway's calls over a recent window, from the message log (cluster-wide). */
public interface CallStatistics {

    /** Per service, for calls received in the last {@code window}; busiest first. */
    List<CallFigures> byService(Duration window);

    /** Per consumer, for calls received in the last {@code window}; busiest first. */
    List<CallFigures> byConsumer(Duration window);
}
