/**
 * The one-stop desk's pages (Bộ phận Một cửa): the officer's queue with the time left to act, a dossier with the
 * three decisions (accept, request supplements, refuse) and the papers brought for a supplement, and the registration
 * of a dossier brought in person with the look-up in the national population database. Everything goes through the
 * dossier module's {@link vn.gov.egov.dossier.DossierReception}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "One-stop desk")
package vn.gov.egov.reception;
