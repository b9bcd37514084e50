package vn.gov.egov.observability;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal identification numbers (12 digits) and Vietnamese phone numbers in every log message,
 * keeping the first three and last three digits: {@code 020******123}.
 */
public class PersonalDataMaskingConverter extends MessageConverter {

    private static final Pattern PERSONAL_DATA =
            Pattern.compile("(?<![0-9])(?:\\d{12}|(?:\\+84|0)\\d{9})(?![0-9])");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    static String mask(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        Matcher matcher = PERSONAL_DATA.matcher(message);
        if (!matcher.find()) {
            return message;
        }
        StringBuilder masked = new StringBuilder(message.length());
        do {
            String digits = matcher.group();
            String replacement = digits.substring(0, 3) + "*".repeat(digits.length() - 6) + digits.substring(digits.length() - 3);
            matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        } while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }
}
