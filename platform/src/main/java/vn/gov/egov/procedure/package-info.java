/**
 * Procedure catalog (CSDL thủ tục hành chính): every administrative procedure with its national code, field, level,
 * agencies, channels, required documents, processing time and fees, versioned by validity dates and imported from the
 * national procedure database. Other modules read it through {@link vn.gov.egov.procedure.Procedures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedure catalog")
package vn.gov.egov.procedure;
