/**
 * Runs the platform's PostgreSQL: embedded with a persistent data directory unless an external server is configured.
 * Also what the modules share about their rows: {@link vn.gov.egov.database.ReadMemory} keeps seldom-changed rows
 * briefly in memory, and event publications serialise an event once however many listeners it has.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database runtime")
package vn.gov.egov.database;
