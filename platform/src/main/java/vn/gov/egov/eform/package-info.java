/**
 * E-forms (biểu mẫu điện tử): each procedure's application form as a versioned JSON Schema (a draft 2020-12 subset
 * with Vietnamese labels, layout hints under {@code x-layout}, conditional required fields and the platform's own
 * formats), and the validation of a filled form against the version it was filled with. Other modules use
 * {@link vn.gov.egov.eform.ProcedureForms} and {@link vn.gov.egov.eform.FormValidation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "E-forms")
package vn.gov.egov.eform;
