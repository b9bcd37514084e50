package vn.gov.egov.postal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Polls VNPost every {@code egov.national.vnpost.poll-interval} ({@code -} turns it off). */
@Configuration(proxyBeanMethods = false)
class PostalSchedule implements SchedulingConfigurer {

    private final PostalIntake intake;
    private final String pollInterval;

    PostalSchedule(PostalIntake intake, @Value("${egov.national.vnpost.poll-interval:PT1M}") String pollInterval) {
        this.intake = intake;
        this.pollInterval = pollInterval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (pollInterval != null && !pollInterval.isBlank() && !pollInterval.strip().equals("-")) {
            // the first poll one interval after the start: the procedure catalog and forms are loaded by then
            Duration interval = Duration.parse(pollInterval.strip());
            tasks.addFixedDelayTask(new org.springframework.scheduling.config.FixedDelayTask(intake::poll, interval, interval));
        }
    }
}
