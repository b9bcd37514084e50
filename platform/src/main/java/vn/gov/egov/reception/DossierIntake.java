package vn.gov.egov.reception;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierReception;
import vn.gov.egov.dossier.Dossiers;
import vn.gov.egov.dossier.SubmissionRefused;
import vn.gov.egov.dossier.Violation;

/**
 * Takes in the dossiers another system delivered ({@link DeliveringSystem}) into the same reception queue as every
 * other dossier. Each item is registered (idempotent by the system's reference, so a crash between registering and
 * answering only repeats the answer), then acknowledged with its dossier code. One the platform refuses is kept in the
 * intake log with the reasons and refused to the system (told again when it is delivered again); it is never
 * registered; a system that was told and still offers the item is told again at most once an hour. The log and the
 * last poll are kept per channel and shown on the adapters' administrator pages.
 */
@Component
public class DossierIntake {

    /** How many items one poll fetches. */
    public static final int BATCH = 50;
    /**
     * A refusal that was told is told again, when the system still offers the item, only after this long: enough for a
     * system that lost the answer, without answering a system that keeps offering refused items at every poll.
     */
    static final Duration RETELL_AFTER = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(DossierIntake.class);

    /** What one poll did. */
    public record Result(int fetched, int registered, int refused, int failed) {

        /** The outcome for the administrator, {@code itemName} being what the system delivers ("hồ sơ", "bưu gửi"). */
        public String summary(String itemName) {
            return "Đã đồng bộ: %d %s lấy về, %d đã đăng ký, %d bị từ chối, %d lỗi.".formatted(fetched, itemName, registered, refused, failed);
        }
    }

    /** One item fetched and what became of it: registered as a dossier, or refused with the reasons (and told or not). */
    public record Entry(DossierChannel channel, String reference, String procedureCode, String agencyCode, Instant submittedAt,
                        String outcome, String dossierCode, String reasons, Instant firstSeenAt, Instant lastAttemptAt,
                        Instant acknowledgedAt, Instant toldAt) {

        public boolean refused() {
            return IntakeLog.REFUSED.equals(outcome);
        }
    }

    /** The last poll of a system: when, the last success, how many items, the error if it failed. */
    public record Poll(Instant lastPollAt, Instant lastSuccessAt, int fetched, String lastError) {
    }

    private enum Outcome { REGISTERED, REFUSED, SKIPPED }

    private final DossierReception reception;
    private final IntakeLog log;
    private final ConcurrentMap<DossierChannel, Object> polling = new ConcurrentHashMap<>();

    DossierIntake(DossierReception reception, IntakeLog log) {
        this.reception = reception;
        this.log = log;
    }

    /** One poll of the system (one at a time per channel); never throws, the outcome is in the log and on the page. */
    public Result poll(DeliveringSystem system) {
        synchronized (polling.computeIfAbsent(system.channel(), c -> new Object())) {
            return pollNow(system);
        }
    }

    private Result pollNow(DeliveringSystem system) {
        DossierChannel channel = system.channel();
        Instant started = Instant.now();
        List<JsonNode> waiting;
        try {
            waiting = system.waiting(BATCH);
        } catch (RuntimeException e) {
            LOG.warn("{}: polling failed: {}", system.name(), e.toString());
            log.polled(channel, started, 0, "Không lấy được %s từ %s: %s".formatted(system.itemName(), system.name(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return new Result(0, 0, 0, 1);
        }
        int registered = 0;
        int refused = 0;
        int failed = 0;
        for (JsonNode item : waiting) {
            String reference = null;
            try {
                DeliveringSystem.Item described = system.describe(item);
                reference = described.reference();
                switch (take(system, described, item)) {
                    case REGISTERED -> registered++;
                    case REFUSED -> refused++;
                    case SKIPPED -> { }
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("{}: {} {} not taken in: {}", system.name(), system.itemName(), reference, e.toString());
            }
        }
        log.polled(channel, started, waiting.size(), failed == 0 ? null
                : "%d %s chưa nhận được do lỗi; sẽ thử lại ở lần đồng bộ sau".formatted(failed, system.itemName()));
        return new Result(waiting.size(), registered, refused, failed);
    }

    private Outcome take(DeliveringSystem system, DeliveringSystem.Item described, JsonNode item) {
        DossierChannel channel = system.channel();
        String reference = described.reference();
        if (reference == null) {
            throw new IllegalArgumentException("the item has no reference");
        }
        Optional<Entry> earlier = log.find(channel, reference);
        if (earlier.isPresent() && earlier.get().refused()) {
            // refused before and delivered again: the system was not told, or did not keep the answer
            Instant toldAt = earlier.get().toldAt();
            if (toldAt == null || toldAt.isBefore(Instant.now().minus(RETELL_AFTER))) {
                tell(system, item, reference, earlier.get().reasons());
            }
            return Outcome.SKIPPED;
        }
        Dossiers.Submitted submitted;
        try {
            submitted = reception.register(system.incoming(item));
        } catch (SubmissionRefused e) {
            String reasons = String.join("; ", e.violations().stream().map(Violation::message).toList());
            log.refused(channel, described, reasons, Instant.now());
            tell(system, item, reference, reasons);
            return Outcome.REFUSED;
        }
        String code = submitted.code().toString();
        log.registered(channel, described, code, Instant.now());
        system.acknowledge(reference, code);
        log.acknowledged(channel, reference, Instant.now());
        return Outcome.REGISTERED;
    }

    /** Tells the refusal; when the system cannot be reached it is told again the next time it offers the item. */
    private void tell(DeliveringSystem system, JsonNode item, String reference, String reasons) {
        try {
            system.refuse(item, reasons);
            log.told(system.channel(), reference, Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("{}: refusal of {} not told yet: {}", system.name(), reference, e.toString());
        }
    }

    /** The log entry of an item, if it was ever fetched. */
    public Optional<Entry> find(DossierChannel channel, String reference) {
        return log.find(channel, reference);
    }

    /** The latest entries of the channel, the most recently tried first. */
    public List<Entry> recent(DossierChannel channel, int limit) {
        return log.recent(channel, limit);
    }

    public Optional<Poll> lastPoll(DossierChannel channel) {
        return log.lastPoll(channel);
    }
}
