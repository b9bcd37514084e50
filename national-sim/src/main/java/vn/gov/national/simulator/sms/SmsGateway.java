package vn.gov.national.simulator.sms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The simulated SMS gateway's outbox: every message it "sent", kept in memory; nothing leaves the machine. */
@Component
class SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

    /** The oldest messages go beyond this: a long-running demonstration must not fill the memory. */
    private static final int MAX_MESSAGES = 10_000;

    record Message(String messageId, String to, String text, String reference, Instant at, int segments) {
    }

    private final List<Message> messages = new ArrayList<>();

    Message send(String to, String text, String reference) {
        Message message = new Message("sms-" + UUID.randomUUID(), to, text, reference, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), Segments.count(text));
        synchronized (messages) {
            if (messages.size() >= MAX_MESSAGES) {
                messages.remove(0);
            }
            messages.add(message);
        }
        log.info("SIMULATOR SMS gateway: message {} to {}******{} ({} parts), not sent to any network",
                message.messageId(), to.substring(0, 3), to.substring(8), message.segments());
        return message;
    }

    /** Newest first, optionally only to one number and/or with one reference. */
    List<Message> find(String to, String reference) {
        List<Message> found;
        synchronized (messages) {
            found = new ArrayList<>(messages.stream()
                    .filter(m -> to == null || m.to().equals(to))
                    .filter(m -> reference == null || reference.equals(m.reference()))
                    .toList());
        }
        Collections.reverse(found);
        return found;
    }
}
