package vn.gov.egov.personaldata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reseals, with the active key, every value that the {@link SealedValueStore} beans still hold under an older key,
 * store by store in batches. After a new key becomes active, a completed run means the old key may be removed from
 * configuration. Runs on the schedule {@code egov.personal-data.rotation.cron} (never by default) and on demand
 * through {@link #resealAll()}. Several nodes may run it at once: a store replaces a value only if it is unchanged.
 */
public class RotatingKeys {

    private static final Logger log = LoggerFactory.getLogger(RotatingKeys.class);

    private final PersonalDataProtection protection;
    private final Supplier<List<SealedValueStore>> stores;
    private final int batchSize;

    RotatingKeys(PersonalDataProtection protection, Supplier<List<SealedValueStore>> stores, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("egov.personal-data.rotation.batch-size must be at least 1");
        }
        this.protection = protection;
        this.stores = stores;
        this.batchSize = batchSize;
    }

    /** One pass over every store; one run at a time on this node. */
    public synchronized RotationReport resealAll() {
        String activeKeyId = protection.activeKeyId();
        List<RotationReport.Store> results = new ArrayList<>();
        for (SealedValueStore store : stores.get()) {
            results.add(reseal(store, activeKeyId));
        }
        return new RotationReport(activeKeyId, results);
    }

    @Scheduled(cron = "${egov.personal-data.rotation.cron:-}", zone = "Asia/Ho_Chi_Minh")
    void resealOnSchedule() {
        RotationReport report = resealAll();
        if (report.complete()) {
            log.info("Key rotation: {} values resealed with key '{}'; every store is up to date", report.resealed(),
                    report.activeKeyId());
        } else {
            log.warn("Key rotation: {} values resealed with key '{}'; incomplete: {}", report.resealed(),
                    report.activeKeyId(), report.stores().stream().filter(s -> !s.complete()).toList());
        }
    }

    private RotationReport.Store reseal(SealedValueStore store, String activeKeyId) {
        String purpose = store.purpose();
        int resealed = 0;
        int changedMeanwhile = 0;
        List<String> unreadable = new ArrayList<>();
        String after = null;
        try {
            while (true) {
                List<SealedValue> batch = store.batchNotSealedWith(activeKeyId, after, batchSize);
                for (SealedValue value : batch) {
                    String fresh;
                    try {
                        fresh = protection.reseal(purpose, value.sealed());
                    } catch (SealedValueUnreadable e) {
                        unreadable.add(value.id());
                        log.warn("Key rotation: value {} of {} stays as it is: {} ({})", value.id(), purpose,
                                e.getMessage(), e.reason());
                        continue;
                    }
                    if (store.replace(value, fresh)) {
                        resealed++;
                    } else {
                        changedMeanwhile++;
                    }
                }
                if (batch.size() < batchSize) {
                    break;
                }
                String last = batch.get(batch.size() - 1).id();
                if (Objects.equals(last, after)) {
                    throw new IllegalStateException("the store returned the same batch again; it must return the"
                            + " values after the given id");
                }
                after = last;
            }
        } catch (RuntimeException e) {
            log.error("Key rotation: store {} stopped after {} values", purpose, resealed, e);
            return new RotationReport.Store(purpose, resealed, changedMeanwhile, unreadable,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (resealed > 0) {
            log.info("Key rotation: {} values of {} resealed with key '{}'", resealed, purpose, activeKeyId);
        }
        return new RotationReport.Store(purpose, resealed, changedMeanwhile, unreadable, null);
    }
}
