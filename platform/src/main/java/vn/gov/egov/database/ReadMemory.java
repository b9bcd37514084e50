package vn.gov.egov.database;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows that every request reads and that change seldom (a procedure, its current form, an agency's catalog entry),
 * kept in this node's memory for a short time. The module that owns the rows calls {@link #forgetAll()} when it
 * writes them: the memory is emptied at once and again when the writing transaction ends (a read in between may
 * have seen the old rows). Another node sees a change within {@code keep}.
 *
 * <p>Values must not be {@code null} (keep an {@code Optional} to remember that a row is absent) and must not be
 * changed by the callers: every caller gets the same instance.
 */
public final class ReadMemory<K, V> {

    private final Cache<K, V> values;

    /**
     * @param keep       how long a read is kept: the longest time another node's change may go unseen here
     * @param maxEntries at most this many values (the least recently used go first)
     */
    public ReadMemory(Duration keep, long maxEntries) {
        this.values = Caffeine.newBuilder().expireAfterWrite(Objects.requireNonNull(keep, "keep")).maximumSize(maxEntries).build();
    }

    /** The value kept for the key, else the one {@code read} returns (read once however many ask at the same time). */
    public V read(K key, Function<? super K, ? extends V> read) {
        return values.get(key, read);
    }

    /** Forgets every value, now and when the current transaction (if any) has ended. */
    public void forgetAll() {
        values.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    values.invalidateAll();
                }
            });
        }
    }
}
