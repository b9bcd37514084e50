package vn.gov.egov.statistics;

/**
 * The counts of one group over a period. Counting as in published provincial statistics: to handle = received in the
 * period + carried over; late rate = (late in progress + late resolved) / to handle; on-time rate = 100 % − late rate.
 * Rates are percentages with two decimals, {@code null} when there is nothing to divide by (or, for online payment,
 * nothing known yet).
 */
public record DossierCounts(Received received, Resolved resolved, InProgress inProgress, long returned, long refused,
                            long withdrawn, long supplementRequests, Double onTimeRate, Double lateRate,
                            Decision766 decision766) {

    /**
     * @param total       received in the period ({@code online + inPerson + byPost})
     * @param online      through the province's portal or the national portal
     * @param carriedOver received before the period and not resolved when it began
     * @param toHandle    {@code total + carriedOver}
     */
    public record Received(long total, long online, long inPerson, long byPost, long carriedOver, long toHandle) {
    }

    /**
     * Resolved in the period. Early: before the day it was due; late: after its due time, or an apology was issued.
     *
     * @param refusedOutcome of which resolved by a refusal notice (từ chối giải quyết)
     */
    public record Resolved(long total, long early, long onTime, long late, long refusedOutcome) {
    }

    /** Received and not resolved at the end of the period; overdue: past its due time or rescheduled by an apology. */
    public record InProgress(long total, long withinDeadline, long overdue) {
    }

    /**
     * The inputs of Decision 766/QĐ-TTg. Digitization: share of the dossiers received in the period that came with at
     * least one electronic document (scanned at the desk or uploaded). Satisfaction: share of the ratings given in the
     * period that are 4 or 5, and their average (1–5).
     */
    public record Decision766(Double onTimeRate, Double onlineRate, Double digitizationRate, Double onlinePaymentRate,
                              Double satisfactionRate, Double averageRating, long ratings) {
    }
}
