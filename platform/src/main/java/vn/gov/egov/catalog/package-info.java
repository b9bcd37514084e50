/**
 * Shared e-catalogs (danh mục điện tử dùng chung): administrative units, agencies, procedure fields, document
 * types and other code tables, every one versioned by effective date and read "as of" a date. Other modules use
 * {@link vn.gov.egov.catalog.SharedCatalogs} and listen to {@link vn.gov.egov.catalog.CatalogChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared e-catalogs")
package vn.gov.egov.catalog;
