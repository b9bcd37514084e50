package vn.gov.egov.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vietnamese text folded for search, so that {@code lang son} finds {@code Lạng Sơn}: no diacritics, đ → d, lower case. */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}.]+");

    private SearchText() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    static String of(String code, String name, String nameEn) {
        return String.join(" ", fold(code), fold(name), fold(nameEn)).trim();
    }

    /** The query's words, each of which must occur in a match. */
    static List<String> words(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : Arrays.stream(folded.split(" ")).filter(w -> !w.isBlank()).toList();
    }
}
