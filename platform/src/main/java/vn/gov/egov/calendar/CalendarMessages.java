package vn.gov.egov.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The texts of violations, in the reader's language; dates as Vietnamese readers write them (dd/MM/yyyy). */
@Component
class CalendarMessages {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    CalendarMessages(MessageSource messages) {
        this.messages = messages;
    }

    String violation(Violation violation, Locale locale) {
        Object[] arguments = violation.arguments().stream()
                .map(argument -> argument instanceof LocalDate date ? DATE.format(date) : String.valueOf(argument))
                .toArray();
        return messages.getMessage(violation.messageCode(), arguments, violation.field() + ": " + violation.rule(), locale);
    }
}
