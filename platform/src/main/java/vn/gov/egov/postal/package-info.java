/**
 * The adapter of VNPost's public postal service (dịch vụ bưu chính công ích): dossiers sent by post and delivered to
 * the agency are polled, registered through {@link vn.gov.egov.dossier.DossierReception#register} as by post with the
 * item number as reference, and acknowledged with their dossier code; those refused are kept with the reasons. Results
 * asked for by post are shipped through VNPost when the dossier is resolved, the dossier is returned with the item
 * number, and the shipment is followed to delivery.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public postal service")
package vn.gov.egov.postal;
