package vn.gov.egov.lgsp.messagelog;

import java.time.Instant;

/**
 * What to look for in the message log; every criterion is optional (null: any).
 *
 * @param requestId  exactly this request id
 * @param consumer   exactly this consumer ({@code member/subsystem})
 * @param service    this service address path ({@code provider/subsystem/service/version}); a prefix ending in
 *                   {@code /} (e.g. {@code BCA/}) matches every service beneath it
 * @param kind       {@code CALL}, {@code PUBLISH} or {@code DELIVERY}
 * @param from       received at or after
 * @param to         received before
 * @param status     exactly this HTTP status
 * @param errorClass exactly this error class (e.g. {@code gateway.quota_exceeded}), or {@code ok} for successes, or
 *                   {@code gateway.} / {@code provider.} for every error of that side
 */
public record LogSearch(String requestId, String consumer, String service, String kind, Instant from, Instant to,
                        Integer status, String errorClass) {

    public static LogSearch all() {
        return new LogSearch(null, null, null, null, null, null, null, null);
    }
}
