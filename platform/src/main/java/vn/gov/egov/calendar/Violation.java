package vn.gov.egov.calendar;

import java.util.List;

/**
 * One broken rule of an input field; {@link #messageCode()} names the Vietnamese / English text in
 * {@code i18n/calendar*.properties}, which {@code arguments} complete.
 */
record Violation(String field, String rule, List<Object> arguments) {

    Violation(String field, String rule, Object... arguments) {
        this(field, rule, List.of(arguments));
    }

    String messageCode() {
        return "calendar.violation." + field + "." + rule;
    }
}
