/** Authentication and access: who the user is and what they may do (grows into the province's SSO). */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package vn.gov.egov.identity;
