package vn.gov.egov.dossier;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily counters in PostgreSQL, one row per (agency QCVN 102 code, day). */
@Repository
class DossierCodeCounter {

    private final JdbcClient jdbc;

    DossierCodeCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Atomically takes the next number, or nothing when the day already reached {@code max}. The row lock of the
     * upsert serialises concurrent callers on every node; the guard keeps an exhausted row at {@code max}.
     */
    OptionalInt take(String agencyCode, LocalDate day, int max) {
        return jdbc.sql("""
                        insert into dossier_code_counter as c (agency_code, day, last) values (:agency, :day, 1)
                        on conflict (agency_code, day) do update set last = c.last + 1, updated_at = now() where c.last < :max
                        returning last""")
                .param("agency", agencyCode).param("day", day).param("max", max)
                .query(Integer.class).optional().map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
