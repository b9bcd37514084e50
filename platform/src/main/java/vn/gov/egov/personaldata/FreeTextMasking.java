package vn.gov.egov.personaldata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal identification numbers (12 digits) and Vietnamese phone numbers in free text (log lines, audit
 * details, the paths of calls in the LGSP's message log), keeping the first and last three digits: {@code 020******123}.
 * A number inside a longer token (a hash, an id) is not personal data, and masking it would change that token.
 */
public final class FreeTextMasking {

    private static final Pattern PERSONAL_DATA =
            Pattern.compile("(?<![0-9A-Za-z])(?:\\d{12}|(?:\\+84|0)\\d{9})(?![0-9A-Za-z])");

    private FreeTextMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        Matcher matcher = PERSONAL_DATA.matcher(text);
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
