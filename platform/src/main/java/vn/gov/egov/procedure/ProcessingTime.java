package vn.gov.egov.procedure;

/** Processing time: working days unless stated; some procedures count working hours or are settled the same day. */
public record ProcessingTime(int value, Unit unit) {

    public enum Unit {
        WORKING_DAYS, WORKING_HOURS, SAME_DAY
    }

    public ProcessingTime {
        if (value < 0) {
            throw new IllegalArgumentException("processing time must not be negative");
        }
    }
}
