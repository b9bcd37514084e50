/**
 * Dossiers (hồ sơ thủ tục hành chính) from every channel. So far: the dossier code (mã hồ sơ, Thông tư
 * 01/2018/TT-VPCP), a {@link vn.gov.egov.dossier.DossierCode} issued by {@link vn.gov.egov.dossier.DossierCodes}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossiers")
package vn.gov.egov.dossier;
