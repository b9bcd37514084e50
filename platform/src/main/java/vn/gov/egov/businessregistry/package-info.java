/**
 * National business registration database (CSDL quốc gia về đăng ký doanh nghiệp): an enterprise's record by its tax
 * code, to pre-fill forms for a business. Other modules use {@link vn.gov.egov.businessregistry.BusinessRegistry}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "National business registry")
package vn.gov.egov.businessregistry;
