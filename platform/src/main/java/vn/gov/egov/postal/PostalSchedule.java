package vn.gov.egov.postal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import vn.gov.egov.reception.DossierIntake;

/**
 * Polls VNPost every {@code egov.national.vnpost.poll-interval} for postal dossiers, and every
 * {@code egov.national.vnpost.shipment-interval} retries the shipments of results and follows them ({@code -} turns either off).
 */
@Configuration(proxyBeanMethods = false)
class PostalSchedule implements SchedulingConfigurer {

    private final DossierIntake intake;
    private final PostalDeliveries vnpost;
    private final ShippingResults shipping;
    private final String pollInterval;
    private final String shipmentInterval;

    PostalSchedule(DossierIntake intake, PostalDeliveries vnpost, ShippingResults shipping, @Value("${egov.national.vnpost.poll-interval:PT1M}") String pollInterval,
                   @Value("${egov.national.vnpost.shipment-interval:PT5M}") String shipmentInterval) {
        this.intake = intake;
        this.vnpost = vnpost;
        this.shipping = shipping;
        this.pollInterval = pollInterval;
        this.shipmentInterval = shipmentInterval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (pollInterval != null && !pollInterval.isBlank() && !pollInterval.strip().equals("-")) {
            // the first poll one interval after the start: the procedure catalog and forms are loaded by then
            Duration interval = Duration.parse(pollInterval.strip());
            tasks.addFixedDelayTask(new org.springframework.scheduling.config.FixedDelayTask(() -> intake.poll(vnpost), interval, interval));
        }
        if (shipmentInterval != null && !shipmentInterval.isBlank() && !shipmentInterval.strip().equals("-")) {
            Duration interval = Duration.parse(shipmentInterval.strip());
            tasks.addFixedDelayTask(new org.springframework.scheduling.config.FixedDelayTask(shipping::poll, interval, interval));
        }
    }
}
