/**
 * The platform as a consumer of the LGSP (X-Road's client side): the platform's own modules reach the national
 * systems through the gateway, with the platform's own client-credentials token from the province's SSO, never
 * directly. It implements {@link vn.gov.egov.lgsp.LgspConnections}, which hands them a client for a national system.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LGSP client (the platform as consumer)")
package vn.gov.egov.lgsp.client;
