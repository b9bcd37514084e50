/**
 * The LGSP's service registry: members, subsystems, services (REST with OpenAPI, SOAP with WSDL) with versions and
 * lifecycle, consumers and their access rights per service and operation. The gateway and pub/sub read it through
 * {@link vn.gov.egov.lgsp.registry.ServiceRegistry}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LGSP service registry")
package vn.gov.egov.lgsp.registry;
