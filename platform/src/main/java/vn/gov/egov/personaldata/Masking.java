package vn.gov.egov.personaldata;

/** The one masking rule of identifiers: keep a few characters at each end, a star for every other one. */
final class Masking {

    private Masking() {
    }

    static String keepEnds(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
