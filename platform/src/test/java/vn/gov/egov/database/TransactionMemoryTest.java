package vn.gov.egov.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class TransactionMemoryTest {

    private final TransactionMemory<List<String>> memory = new TransactionMemory<>(ArrayList::new);

    @AfterEach
    void endSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outsideATransactionNothingIsKept() {
        assertThat(memory.current()).isEmpty();
        assertThat(memory.existing()).isEmpty();
    }

    @Test
    void aTransactionKeepsOneValueUntilItEndsCommittedOrRolledBack() {
        for (int status : new int[] {TransactionSynchronization.STATUS_COMMITTED, TransactionSynchronization.STATUS_ROLLED_BACK}) {
            TransactionSynchronizationManager.initSynchronization();
            assertThat(memory.existing()).as("nothing made yet").isEmpty();
            memory.current().orElseThrow().add("first");
            memory.current().orElseThrow().add("second");
            assertThat(memory.existing()).contains(List.of("first", "second"));

            TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(), status);
            TransactionSynchronizationManager.clearSynchronization();

            TransactionSynchronizationManager.initSynchronization();
            assertThat(memory.existing()).as("the next transaction starts empty (status %d)", status).isEmpty();
            assertThat(memory.current()).contains(List.of());
            TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(), status);
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(TransactionSynchronizationManager.getResourceMap()).as("no resource left bound").isEmpty();
    }

    @Test
    void twoMemoriesDoNotShareTheirValues() {
        TransactionMemory<List<String>> other = new TransactionMemory<>(ArrayList::new);
        TransactionSynchronizationManager.initSynchronization();
        memory.current().orElseThrow().add("mine");
        assertThat(other.current()).contains(List.of());
        assertThat(memory.existing()).contains(List.of("mine"));
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_COMMITTED);
    }
}
