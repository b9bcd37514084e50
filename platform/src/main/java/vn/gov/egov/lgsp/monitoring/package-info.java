/**
 * The LGSP's monitoring: calls, errors, latency percentiles and quota use per service and consumer, queue depths and
 * delivery lag of subscriptions, alerts when a provider fails or a queue backs up; pages and Prometheus metrics.
 * <p>
 * Published: the events {@link vn.gov.egov.lgsp.monitoring.LgspAlertRaised} and
 * {@link vn.gov.egov.lgsp.monitoring.LgspAlertResolved}, once per alert across nodes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LGSP monitoring")
package vn.gov.egov.lgsp.monitoring;
