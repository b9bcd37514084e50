package vn.gov.egov.calendar;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the working-day calendar.
 *
 * @param officeHours     {@code egov.calendar.office-hours}: the office periods of a working day, local time.
 *                        Default {@code 07:30-11:30,13:00-17:00}: 8 hours, the usual morning and afternoon shifts of a
 *                        provincial one-stop desk; set it to the province's own decision
 * @param cacheTimeToLive {@code egov.calendar.cache-time-to-live}: how long a computed year is kept before it is read
 *                        again, so that an edit made on another node is seen here within this time (default 5m)
 */
@ConfigurationProperties("egov.calendar")
record CalendarProperties(@DefaultValue("07:30-11:30,13:00-17:00") String officeHours,
                          @DefaultValue("5m") Duration cacheTimeToLive) {
}
