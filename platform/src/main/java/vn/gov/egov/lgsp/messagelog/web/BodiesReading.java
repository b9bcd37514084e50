package vn.gov.egov.lgsp.messagelog.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.lgsp.messagelog.LogBodies;
import vn.gov.egov.lgsp.messagelog.LogRecord;
import vn.gov.egov.lgsp.messagelog.MessageLogQueries;

/** An auditor opens a record's bodies: every opening is written to the audit trail first. */
@Component
class BodiesReading {

    static final String ACTION = "LGSP_LOG_BODIES_READ";

    /** One body as shown: as text when it is UTF-8, else base64. */
    record Body(int bytes, String text, String base64) {

        static Body of(byte[] body) {
            if (body == null) {
                return null;
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
                return new Body(body.length, text, null);
            } catch (CharacterCodingException e) {
                return new Body(body.length, null, Base64.getEncoder().encodeToString(body));
            }
        }
    }

    record Opened(Body request, Body response) {
    }

    private final MessageLogQueries queries;
    private final AuditTrail audit;

    BodiesReading(MessageLogQueries queries, AuditTrail audit) {
        this.queries = queries;
        this.audit = audit;
    }

    Optional<Opened> open(LogRecord record) {
        audit.record(AuditRecord.builder(ACTION, Outcome.SUCCESS)
                .object("lgsp.message-log", record.nodeId() + "/" + record.sequence())
                .detail("lgspRequestId", record.requestId())
                .detail("service", record.service())
                .fromCurrentRequest()
                .build());
        Optional<LogBodies> bodies = queries.bodies(record.nodeId(), record.sequence());
        return bodies.map(b -> new Opened(Body.of(b.request()), Body.of(b.response())));
    }
}
