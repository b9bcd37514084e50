package vn.gov.national.simulator.vneid;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The 12-digit personal identification number (số định danh cá nhân): 3 digits province of birth registration,
 * 1 digit sex and century (0/1 male/female 1900–1999, 2/3 for 2000–2099, 4/5 for 2100–2199), 2 digits of the
 * birth year, 6 digits sequence. The simulator refuses to load a test identity whose number does not agree with its
 * birth date and sex.
 */
public final class PersonalIdentificationNumber {

    private static final Pattern SHAPE = Pattern.compile("\\d{12}");

    private PersonalIdentificationNumber() {
    }

    public static boolean hasValidShape(String number) {
        return number != null && SHAPE.matcher(number).matches();
    }

    /** True when the number has the right shape and its sex/century digit and year digits match. */
    public static boolean isConsistent(String number, LocalDate birthDate, String gender) {
        if (!hasValidShape(number) || birthDate == null) {
            return false;
        }
        int year = birthDate.getYear();
        if (year < 1900 || year > 2199) {
            return false;
        }
        boolean female;
        if ("female".equals(gender)) {
            female = true;
        } else if ("male".equals(gender)) {
            female = false;
        } else {
            return false;
        }
        int expectedSexCentury = (year / 100 - 19) * 2 + (female ? 1 : 0);
        int sexCentury = number.charAt(3) - '0';
        int yearDigits = Integer.parseInt(number.substring(4, 6));
        return sexCentury == expectedSexCentury && yearDigits == year % 100;
    }

    /**
     * What can be checked without the birth date: the shape, a sex/century digit from 0 to 5 (born 1900–2199) and a
     * birth year that is not after {@code currentYear}.
     */
    public static boolean isPlausible(String number, int currentYear) {
        if (!hasValidShape(number)) {
            return false;
        }
        int sexCentury = number.charAt(3) - '0';
        if (sexCentury > 5) {
            return false;
        }
        int year = 1900 + (sexCentury / 2) * 100 + Integer.parseInt(number.substring(4, 6));
        return year <= currentYear;
    }

    /** {@code 020******123}: for logs; the simulator's own JSON listing shows the fake numbers in full. */
    public static String mask(String number) {
        if (!hasValidShape(number)) {
            return "************";
        }
        return number.substring(0, 3) + "******" + number.substring(9);
    }
}
