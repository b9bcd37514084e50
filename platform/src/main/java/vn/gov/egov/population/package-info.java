/**
 * National population database (CSDL quốc gia về dân cư): reading a resident's record, on behalf of an agency, to
 * pre-fill forms and to check what a citizen declares. Other modules use {@link vn.gov.egov.population.PopulationDatabase}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "National population database")
package vn.gov.egov.population;
