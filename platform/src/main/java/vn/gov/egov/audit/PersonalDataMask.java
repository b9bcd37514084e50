package vn.gov.egov.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal identification numbers (12 digits) and Vietnamese phone numbers in free text, keeping the first
 * and last three digits: {@code 020******123}. The same rule as the log masking of the observability module.
 */
final class PersonalDataMask {

    // a number inside a longer token (a hash, an id) is not personal data, and masking it would change that token
    private static final Pattern PERSONAL_DATA =
            Pattern.compile("(?<![0-9A-Za-z])(?:\\d{12}|(?:\\+84|0)\\d{9})(?![0-9A-Za-z])");

    private PersonalDataMask() {
    }

    static String mask(String text) {
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
            matcher.appendReplacement(masked, Matcher.quoteReplacement(
                    digits.substring(0, 3) + "*".repeat(digits.length() - 6) + digits.substring(digits.length() - 3)));
        } while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }
}
