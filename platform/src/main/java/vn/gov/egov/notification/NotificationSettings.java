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
 * @param batchSize     messages taken together: one gateway request, one mail-server connection, one transaction
 * @param linger        how long the sender waits after a message is recorded, to gather more into the same batch
 * @param shutdownWait  how long a stopping node lets the batch in hand finish; what is not taken stays PENDING
 */
@ConfigurationProperties("egov.notification")
record NotificationSettings(@DefaultValue("khong-tra-loi@localhost") String mailFrom,
                            @DefaultValue("8") int maxAttempts,
                            @DefaultValue("PT1M") Duration retryDelay,
                            @DefaultValue("PT1H") Duration maxRetryDelay,
                            @DefaultValue("PT30S") Duration retryInterval,
                            @DefaultValue("classpath:/templates/notification/") String templates,
                            String smsLink,
                            @DefaultValue("100") int batchSize,
                            @DefaultValue("PT0.15S") Duration linger,
                            @DefaultValue("PT20S") Duration shutdownWait) {

    /** The wait before attempt {@code attempts + 1}. */
    Duration backoff(int attempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
