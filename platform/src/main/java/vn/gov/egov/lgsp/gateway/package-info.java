/**
 * The LGSP gateway (X-Road's security server proxy): consumers call
 * {@code /lgsp/r1/{provider}/{subsystem}/{service}/{version}/...} with an access token from the province's SSO; the
 * gateway checks token, access right, quota and size, forwards beneath the provider's registered endpoint only,
 * binds the response to the request by hash, and records every call in the message log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LGSP gateway")
package vn.gov.egov.lgsp.gateway;
