package vn.gov.egov.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

/**
 * Spring Modulith stores one event publication row per listener of an event, and serialises the event for each row:
 * an event with four listeners was written as JSON four times (3 % of a submission's CPU). The serialiser is wrapped
 * so that a thread serialising the same event object again gets the text it made just before.
 */
@Component
class SerializingEventsOnce implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof EventSerializer serializer && !(bean instanceof Remembering) ? new Remembering(serializer) : bean;
    }

    /** The last record event this thread serialised and its text: a record object always gives the same text. */
    static final class Remembering implements EventSerializer {

        private record Last(Object event, Object serialized) {
        }

        private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

        private final EventSerializer serializer;

        Remembering(EventSerializer serializer) {
            this.serializer = serializer;
        }

        @Override
        public Object serialize(Object event) {
            if (event == null || !event.getClass().isRecord()) {
                return serializer.serialize(event);
            }
            Last last = LAST.get();
            if (last != null && last.event() == event) {
                return last.serialized();
            }
            Object serialized = serializer.serialize(event);
            LAST.set(new Last(event, serialized));
            return serialized;
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            return serializer.deserialize(serialized, type);
        }
    }
}
