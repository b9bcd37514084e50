package vn.gov.egov.database;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that belongs to the current transaction: made on first use, dropped when the transaction ends, committed or
 * rolled back. For what a transaction learns as it goes and would otherwise read back from the database (the dossier it
 * created, the tasks the process engine opened in it). Outside a transaction there is none.
 */
public final class TransactionMemory<T> {

    private final Supplier<? extends T> fresh;

    /** @param fresh makes the value of a transaction that has none yet */
    public TransactionMemory(Supplier<? extends T> fresh) {
        this.fresh = Objects.requireNonNull(fresh, "fresh");
    }

    /** The current transaction's value, made now if it has none yet; empty outside a transaction. */
    public Optional<T> current() {
        return value(true);
    }

    /** The current transaction's value if it has one; empty otherwise (nothing is made). */
    public Optional<T> existing() {
        return value(false);
    }

    private Optional<T> value(boolean make) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        T value = (T) TransactionSynchronizationManager.getResource(this);
        if (value == null && make) {
            value = Objects.requireNonNull(fresh.get(), "a transaction's value");
            TransactionSynchronizationManager.bindResource(this, value);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemory.this);
                }
            });
        }
        return Optional.ofNullable(value);
    }
}
