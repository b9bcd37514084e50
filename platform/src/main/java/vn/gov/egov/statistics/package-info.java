/**
 * One-stop statistics (thống kê giải quyết thủ tục hành chính): its own read model of every dossier, fed by the
 * dossier module's events ({@link vn.gov.egov.dossier.DossierStatusChanged}, {@link vn.gov.egov.dossier.DossierRated}),
 * with daily and monthly rollups kept in the same transaction; counts per agency, field or procedure for a period with
 * the inputs of Decision 766/QĐ-TTg, published through {@link vn.gov.egov.statistics.DossierStatistics} and the public
 * {@code GET /api/v1/statistics/dossiers}, the officials' pages with drill-down and exports, and the public page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "One-stop statistics")
package vn.gov.egov.statistics;
