package vn.gov.egov.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReadMemoryTest {

    private final AtomicInteger reads = new AtomicInteger();

    private String read(String key) {
        return key + "#" + reads.incrementAndGet();
    }

    @Test
    void aValueIsReadOnceUntilItIsForgotten() {
        ReadMemory<String, String> memory = new ReadMemory<>(Duration.ofMinutes(1), 100);

        assertThat(memory.read("a", this::read)).isEqualTo("a#1");
        assertThat(memory.read("a", this::read)).isEqualTo("a#1");
        assertThat(memory.read("b", this::read)).isEqualTo("b#2");

        memory.forgetAll();
        assertThat(memory.read("a", this::read)).isEqualTo("a#3");
    }

    @Test
    void aReadDuringTheWritingTransactionIsForgottenWhenItEnds() {
        ReadMemory<String, String> memory = new ReadMemory<>(Duration.ofMinutes(1), 100);
        memory.read("a", this::read);
        TransactionSynchronizationManager.initSynchronization();
        try {
            memory.forgetAll();
            // another request reads the old row before the writer commits
            assertThat(memory.read("a", this::read)).isEqualTo("a#2");
            assertThat(memory.read("a", this::read)).isEqualTo("a#2");
            List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
            assertThat(synchronizations).hasSize(1);
            synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(memory.read("a", this::read)).as("read again after the commit").isEqualTo("a#3");
    }

    @Test
    void aValueIsReadAgainAfterItsTime() throws InterruptedException {
        ReadMemory<String, String> memory = new ReadMemory<>(Duration.ofMillis(30), 100);
        memory.read("a", this::read);
        Thread.sleep(60);
        assertThat(memory.read("a", this::read)).isEqualTo("a#2");
    }

    record Happened(String what) {
    }

    @Test
    void anEventWithSeveralListenersIsSerialisedOnce() {
        AtomicInteger serialisations = new AtomicInteger();
        EventSerializer counting = new EventSerializer() {
            @Override
            public Object serialize(Object event) {
                return event + "/" + serialisations.incrementAndGet();
            }

            @Override
            public <T> T deserialize(Object serialized, Class<T> type) {
                throw new UnsupportedOperationException();
            }
        };
        EventSerializer serializer = (EventSerializer) new SerializingEventsOnce().postProcessAfterInitialization(counting, "serializer");
        Happened event = new Happened("submitted");

        Object first = serializer.serialize(event);
        assertThat(serializer.serialize(event)).isSameAs(first);
        assertThat(serializer.serialize(event)).isSameAs(first);
        assertThat(serialisations).hasValue(1);
        assertThat(serializer.serialize(new Happened("submitted"))).as("another event object").isEqualTo("Happened[what=submitted]/2");
        assertThat(serializer.serialize("not a record")).isEqualTo("not a record/3");
        assertThat(serializer.serialize("not a record")).isEqualTo("not a record/4");
        assertThat(new SerializingEventsOnce().postProcessAfterInitialization(serializer, "again")).isSameAs(serializer);
    }
}
