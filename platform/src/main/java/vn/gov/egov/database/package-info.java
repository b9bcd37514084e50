/** Runs the platform's PostgreSQL: embedded with a persistent data directory unless an external server is configured. */
@org.springframework.modulith.ApplicationModule(displayName = "Database runtime")
package vn.gov.egov.database;
