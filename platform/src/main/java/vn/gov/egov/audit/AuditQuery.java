package vn.gov.egov.audit;

import java.time.Instant;
import java.time.ZoneId;

/** An auditor's search: every filter optional; {@code to} is exclusive; newest entries first. */
record AuditQuery(Instant from, Instant to, String actor, String action, String objectType, String objectId,
                  Outcome outcome, int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    /** Auditors' days and the retention's months are Vietnam's. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
}
