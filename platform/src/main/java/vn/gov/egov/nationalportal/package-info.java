/**
 * The adapter of the national public-service portal (Cổng Dịch vụ công quốc gia): dossiers citizens submitted there
 * are polled, registered through {@link vn.gov.egov.dossier.DossierReception#register} and acknowledged with their
 * dossier code; those the platform refuses are kept with the reasons and reported as not received. Every status change
 * of every dossier, whatever its channel, is reported to the portal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "National public-service portal")
package vn.gov.egov.nationalportal;
