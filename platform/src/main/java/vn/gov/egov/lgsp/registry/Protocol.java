package vn.gov.egov.lgsp.registry;

/** How a service is described and called: REST (OpenAPI description) or SOAP (WSDL). */
public enum Protocol {
    REST, SOAP
}
