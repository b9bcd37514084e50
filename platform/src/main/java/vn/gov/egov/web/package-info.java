/** The web shell: the citizens' portal and officials' workspace layouts, language, home and error pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package vn.gov.egov.web;
