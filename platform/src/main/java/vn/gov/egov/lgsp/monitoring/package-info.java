/**
 * The LGSP's monitoring: calls, errors, latency percentiles and quota use per service and consumer, queue depths and
 * delivery lag of subscriptions, alerts when a provider fails or a queue backs up; pages and Prometheus metrics.
 * <p>
 * Publishes the events {@link vn.gov.egov.lgsp.LgspAlertRaised} and {@link vn.gov.egov.lgsp.LgspAlertResolved}, once
 * per alert across nodes; they live in the LGSP's base package because modules outside the LGSP may only use the
 * parent's API, not a nested module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LGSP monitoring")
package vn.gov.egov.lgsp.monitoring;
