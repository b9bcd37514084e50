package vn.gov.egov.calendar;

/** What the Government announced for a date. */
enum AnnouncementKind {
    /** Officials do not work that day (a bridge day, a longer Tết). */
    DAY_OFF,
    /** Officials work that day although it is a weekend day or a holiday by the rules (a swapped Saturday). */
    WORKING_DAY
}
