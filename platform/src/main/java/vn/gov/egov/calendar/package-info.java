/**
 * The working-day calendar: the one place that knows which days officials work, so that every due date in the
 * platform is counted the same way. Weekends, the public holidays of the Labour Code (Art. 112, lunar dates
 * computed for UTC+7) and the days off and make-up working days the Government announces each year.
 * <p>
 * API: {@link vn.gov.egov.calendar.WorkingCalendar}, {@link vn.gov.egov.calendar.LunarDate} and the event
 * {@link vn.gov.egov.calendar.WorkingCalendarChanged}; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package vn.gov.egov.calendar;
