package vn.gov.egov.route;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's working time as written in a route ({@code egov:workingTime}): {@code 2d} working days, {@code 0.5d}, or
 * {@code 4h} working hours; a working day is the calendar's day length.
 */
record StepTime(BigDecimal value, boolean days, Duration duration) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,4}(?:\\.\\d{1,2})?)\\s*([dDhH])");

    /** The time written as {@code text}, or {@code null} when it is missing or malformed. */
    static StepTime parse(String text, Duration dayLength) {
        if (text == null) {
            return null;
        }
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(m.group(1));
        boolean days = m.group(2).equalsIgnoreCase("d");
        BigDecimal minutes = value.multiply(BigDecimal.valueOf(days ? dayLength.toMinutes() : 60));
        if (value.signum() <= 0) {
            return null;
        }
        return new StepTime(value, days, Duration.ofMinutes(minutes.setScale(0, RoundingMode.HALF_UP).longValueExact()));
    }

    /** The shortest text for a duration: whole or half days, else hours with up to two decimals. */
    static String format(Duration duration, Duration dayLength) {
        long minutes = duration.toMinutes();
        long day = dayLength.toMinutes();
        if (minutes > 0 && (minutes * 2) % day == 0) {
            return plain(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(day), 1, RoundingMode.UNNECESSARY)) + "d";
        }
        return plain(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)) + "h";
    }

    String text() {
        return plain(value) + (days ? "d" : "h");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
