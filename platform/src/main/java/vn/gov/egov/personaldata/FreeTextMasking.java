package vn.gov.egov.personaldata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal identification numbers (12 digits) and Vietnamese phone numbers in free text, keeping the first and
 * last three digits: {@code 020******123}. The one rule for log lines ({@link #maskEverywhere}), audit details and the
 * paths of calls kept in the LGSP's message log ({@link #mask}).
 */
public final class FreeTextMasking {

    /** A number inside a longer token (a hash, an id) is left alone: masking it would change that token. */
    private static final Pattern STANDING_ALONE =
            Pattern.compile("(?<![0-9A-Za-z])(?:\\d{12}|(?:\\+84|0)\\d{9})(?![0-9A-Za-z])");
    /** Logs keep no token intact: a number glued to letters ({@code id020190001123}) is masked too. */
    private static final Pattern NEXT_TO_LETTERS =
            Pattern.compile("(?<![0-9])(?:\\d{12}|(?:\\+84|0)\\d{9})(?![0-9])");

    private FreeTextMasking() {
    }

    /** Text that is kept and may carry hashes or ids (audit details, message-log paths). */
    public static String mask(String text) {
        return mask(text, STANDING_ALONE);
    }

    /** Log lines: also numbers glued to letters. */
    public static String maskEverywhere(String text) {
        return mask(text, NEXT_TO_LETTERS);
    }

    private static String mask(String text, Pattern numbers) {
        if (text == null || text.length() < 10) {
            return text;
        }
        Matcher matcher = numbers.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            String digits = matcher.group();
            matcher.appendReplacement(masked, Matcher.quoteReplacement(Masking.keepEnds(digits, 3, 3)));
        } while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }
}
