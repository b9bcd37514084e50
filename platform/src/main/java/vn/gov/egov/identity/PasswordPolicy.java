package vn.gov.egov.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Officials' passwords: at least 12 characters with upper and lower case letters, a digit and a symbol — or a
 * passphrase of 20 characters or more — and never the user name or a well-known password.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int PASSPHRASE_LENGTH = 20;
    private static final Set<String> WELL_KNOWN = Set.of("password", "matkhau", "123456", "12345678", "123456789",
            "qwerty", "admin", "abc123", "iloveyou", "langson", "vietnam");

    private PasswordPolicy() {
    }

    /** What is wrong with the password, in Vietnamese; empty when it is acceptable. */
    static List<String> violations(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("Mật khẩu phải có ít nhất %d ký tự".formatted(MIN_LENGTH));
            return problems;
        }
        if (password.length() > 128) {
            problems.add("Mật khẩu không được dài quá 128 ký tự");
        }
        if (password.length() < PASSPHRASE_LENGTH) {
            if (password.chars().noneMatch(Character::isUpperCase) || password.chars().noneMatch(Character::isLowerCase)) {
                problems.add("Mật khẩu phải có cả chữ hoa và chữ thường (hoặc là cụm từ từ %d ký tự)".formatted(PASSPHRASE_LENGTH));
            }
            if (password.chars().noneMatch(Character::isDigit)) {
                problems.add("Mật khẩu phải có chữ số");
            }
            if (password.chars().allMatch(Character::isLetterOrDigit)) {
                problems.add("Mật khẩu phải có ký tự đặc biệt (ví dụ @ # ! %)");
            }
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            problems.add("Mật khẩu không được chứa tên đăng nhập");
        }
        String letters = lower.replaceAll("[^a-z]", "");
        if (WELL_KNOWN.stream().anyMatch(w -> letters.equals(w) || lower.replaceAll("[^a-z0-9]", "").equals(w))) {
            problems.add("Mật khẩu quá phổ biến");
        }
        return problems;
    }
}
