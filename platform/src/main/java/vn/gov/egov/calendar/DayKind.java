package vn.gov.egov.calendar;

/** Why a date is not an ordinary day: a day off of some kind, or a working day on a day that would be off. */
public enum DayKind {
    /** A holiday of Labour Code Art. 112(1). */
    PUBLIC_HOLIDAY,
    /** The next working day after a holiday that fell on a weekend, Art. 112(3). */
    COMPENSATORY_DAY_OFF,
    /** A day off the Government announced for the year (e.g. a bridge day before or after Tết). */
    ANNOUNCED_DAY_OFF,
    /** A day worked in exchange for an announced day off, usually a Saturday. */
    MAKE_UP_WORKING_DAY;

    public boolean isDayOff() {
        return this != MAKE_UP_WORKING_DAY;
    }
}
