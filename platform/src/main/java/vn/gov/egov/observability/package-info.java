/** Request ids, log masking of personal data, metrics: what operators need to see the platform running. */
@org.springframework.modulith.ApplicationModule(displayName = "Observability")
package vn.gov.egov.observability;
