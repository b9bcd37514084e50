package vn.gov.egov.lgsp.pubsub;

import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.PlatformTest;

/** The pub/sub contract on the default backend: the platform's own, outbox and queues in its PostgreSQL. */
class PostgresPubSubContractTest extends PlatformTest implements PubSubContract {

    @Autowired
    PubSubBackend backend;
    @Autowired
    RegisteringEventTypes registering;
    @Autowired
    Subscribing subscribing;
    @Autowired
    DeliveryQueue queue;

    @Override
    public PubSubBackend backend() {
        return backend;
    }

    @Override
    public RegisteringEventTypes registering() {
        return registering;
    }

    @Override
    public Subscribing subscribing() {
        return subscribing;
    }

    @Override
    public DeliveryQueue queue() {
        return queue;
    }
}
