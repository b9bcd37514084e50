package vn.gov.egov.result;

import java.text.Normalizer;

/** The holder's name as the public page shows it: the family name, then initials ("Nguyễn Văn An" → "Nguyễn V. A."). */
final class HolderName {

    private HolderName() {
    }

    static String masked(String fullName) {
        String[] words = Normalizer.normalize(fullName.strip(), Normalizer.Form.NFC).split("\\s+");
        if (words.length == 1) {
            return words[0].substring(0, words[0].offsetByCodePoints(0, 1)) + ".";
        }
        StringBuilder masked = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            masked.append(' ').append(words[i], 0, words[i].offsetByCodePoints(0, 1)).append('.');
        }
        return masked.toString();
    }
}
