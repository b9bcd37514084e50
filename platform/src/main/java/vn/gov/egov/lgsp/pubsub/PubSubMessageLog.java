package vn.gov.egov.lgsp.pubsub;

import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.gov.egov.lgsp.messagelog.LoggedCall;
import vn.gov.egov.lgsp.messagelog.MessageLog;
import vn.gov.egov.lgsp.registry.SecurityLevel;

/**
 * Every publish (accepted or refused) and every webhook delivery in the LGSP message log, as {@code PUBLISH} and
 * {@code DELIVERY} records (metadata only: pub/sub keeps no bodies there). Silent when no message log runs.
 */
@Component
class PubSubMessageLog {

    private final ObjectProvider<MessageLog> log;

    PubSubMessageLog(ObjectProvider<MessageLog> log) {
        this.log = log;
    }

    void published(String requestId, Instant at, String publisher, String clientId, String eventType, String path, int status,
                   String errorClass, long requestBytes, long responseBytes, long micros, SecurityLevel level) {
        record(new LoggedCall(requestId, at, "PUBLISH", publisher, clientId, eventType, "POST", path, status, errorClass, requestBytes,
                responseBytes, micros, 0, null, null, level == null ? SecurityLevel.INTERNAL : level, null, null));
    }

    void delivered(String requestId, Instant at, String subscriber, String eventType, int status, String errorClass,
                   long requestBytes, long micros, SecurityLevel level) {
        record(new LoggedCall(requestId, at, "DELIVERY", subscriber, null, eventType, "POST", "", status, errorClass, requestBytes,
                0, micros, micros, null, null, level == null ? SecurityLevel.INTERNAL : level, null, null));
    }

    private void record(LoggedCall call) {
        MessageLog messageLog = log.getIfAvailable();
        if (messageLog != null) {
            messageLog.record(call);
        }
    }
}
