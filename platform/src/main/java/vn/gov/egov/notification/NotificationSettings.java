package vn.gov.egov.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.notification.*}.
 *
 * @param mailFrom      the sender of e-mails
 * @param maxAttempts   attempts per message before it is FAILED
 * @param retryDelay    the wait after the first failed attempt; it doubles after each further failure
 * @param maxRetryDelay the longest wait between two attempts
 * @param retryInterval how often the sender looks for messages due again
 * @param templates     where the message templates are ({@code classpath:} or {@code file:}), ending with {@code /}
 * @param smsLink       the short look-up address written in SMS (the code is in the text)
 */
@ConfigurationProperties("egov.notification")
record NotificationSettings(@DefaultValue("khong-tra-loi@localhost") String mailFrom,
                            @DefaultValue("8") int maxAttempts,
                            @DefaultValue("PT1M") Duration retryDelay,
                            @DefaultValue("PT1H") Duration maxRetryDelay,
                            @DefaultValue("PT30S") Duration retryInterval,
                            @DefaultValue("classpath:/templates/notification/") String templates,
                            String smsLink) {

    /** The wait before attempt {@code attempts + 1}. */
    Duration backoff(int attempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
