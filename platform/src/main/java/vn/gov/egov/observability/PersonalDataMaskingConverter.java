package vn.gov.egov.observability;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import vn.gov.egov.personaldata.FreeTextMasking;

/**
 * Masks personal identification numbers (12 digits) and Vietnamese phone numbers in every log message,
 * keeping the first three and last three digits: {@code 020******123} ({@link FreeTextMasking#maskEverywhere}).
 */
public class PersonalDataMaskingConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    static String mask(String message) {
        return FreeTextMasking.maskEverywhere(message);
    }
}
