package vn.gov.egov.nationalportal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.reception.DossierIntake;

/**
 * Status reports that failed stay as incomplete event publications; they are resubmitted every
 * {@code egov.national.portal.resubmit-interval} once older than {@code egov.national.portal.resubmit-older-than}
 * ({@code -} turns it off). Also schedules the intake poll every {@code egov.national.portal.poll-interval}.
 */
@Configuration(proxyBeanMethods = false)
class PortalSchedule implements SchedulingConfigurer {

    private final IncompleteEventPublications incomplete;
    private final DossierIntake intake;
    private final PortalDeliveries portal;
    private final String resubmitInterval;
    private final Duration olderThan;
    private final String pollInterval;

    PortalSchedule(IncompleteEventPublications incomplete, DossierIntake intake, PortalDeliveries portal,
                              @Value("${egov.national.portal.resubmit-interval:PT5M}") String resubmitInterval,
                              @Value("${egov.national.portal.resubmit-older-than:PT2M}") Duration olderThan,
                              @Value("${egov.national.portal.poll-interval:PT1M}") String pollInterval) {
        this.incomplete = incomplete;
        this.intake = intake;
        this.portal = portal;
        this.resubmitInterval = resubmitInterval;
        this.olderThan = olderThan;
        this.pollInterval = pollInterval;
    }

    /** Lets a personal-data key rotation reseal the queued status reports. */
    @org.springframework.context.annotation.Bean
    static vn.gov.egov.personaldata.SealedValueStore sealedStatusReports(StatusReportQueue queue) {
        return queue.sealedReports();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!off(pollInterval)) {
            // the first poll one interval after the start: the procedure catalog and forms are loaded by then
            Duration interval = Duration.parse(pollInterval.strip());
            tasks.addFixedDelayTask(new org.springframework.scheduling.config.FixedDelayTask(() -> intake.poll(portal), interval, interval));
        }
        if (!off(resubmitInterval)) {
            tasks.addFixedDelayTask(this::resubmit, Duration.parse(resubmitInterval.strip()));
        }
    }

    /**
     * Resubmits the incomplete publications of dossier status changes (the status reports; another module's listener
     * of the same event that failed is given its new chance too).
     */
    void resubmit() {
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(olderThan)
                .withFilter(p -> p.getEvent() instanceof DossierStatusChanged));
    }

    static boolean off(String interval) {
        return interval == null || interval.isBlank() || interval.strip().equals("-");
    }
}
