/**
 * The one-stop desk's pages (Bộ phận Một cửa): the officer's queue with the time left to act, a dossier with the
 * three decisions (accept, request supplements, refuse) and the papers brought for a supplement, and the registration
 * of a dossier brought in person with the look-up in the national population database, and the return of results:
 * the desk's list of resolved dossiers and the hand-over to the applicant or to someone on their behalf; results asked
 * for online are returned by the system. Everything goes through the dossier module's
 * {@link vn.gov.egov.dossier.DossierReception} and {@link vn.gov.egov.dossier.DossierProgress}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "One-stop desk")
package vn.gov.egov.reception;
