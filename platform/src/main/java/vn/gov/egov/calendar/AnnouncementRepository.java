package vn.gov.egov.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The announcements table: append-only rows, one current row per date (ended_at is null). */
@Repository
class AnnouncementRepository {

    private static final String COLUMNS = "id, day, kind, reason, decision_number, recorded_by, recorded_at, "
            + "ended_by, ended_at, ended_because";

    private final JdbcClient jdbc;

    AnnouncementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Announcement> current(int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calendar_announcement"
                        + " WHERE day BETWEEN :first AND :last AND ended_at IS NULL ORDER BY day")
                .param("first", LocalDate.of(year, 1, 1))
                .param("last", LocalDate.of(year, 12, 31))
                .query(AnnouncementRepository::map)
                .list();
    }

    Optional<Announcement> current(LocalDate date) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calendar_announcement WHERE day = :day AND ended_at IS NULL")
                .param("day", date)
                .query(AnnouncementRepository::map)
                .optional();
    }

    /** Every row of the year, current and ended, latest change first. */
    List<Announcement> history(int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calendar_announcement WHERE day BETWEEN :first AND :last"
                        + " ORDER BY coalesce(ended_at, recorded_at) DESC, id DESC")
                .param("first", LocalDate.of(year, 1, 1))
                .param("last", LocalDate.of(year, 12, 31))
                .query(AnnouncementRepository::map)
                .list();
    }

    Announcement insert(LocalDate date, AnnouncementKind kind, String reason, String decisionNumber,
                        String recordedBy, Instant recordedAt) {
        long id = jdbc.sql("INSERT INTO calendar_announcement (day, kind, reason, decision_number, recorded_by, recorded_at)"
                        + " VALUES (:day, :kind, :reason, :decisionNumber, :recordedBy, :recordedAt) RETURNING id")
                .param("day", date)
                .param("kind", kind.name())
                .param("reason", reason)
                .param("decisionNumber", decisionNumber)
                .param("recordedBy", recordedBy)
                .param("recordedAt", OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))
                .query(Long.class)
                .single();
        return new Announcement(id, date, kind, reason, decisionNumber, recordedBy, recordedAt, null, null, null);
    }

    /** Ends the current announcement of the date; false when there is none. */
    boolean end(LocalDate date, Announcement.Ending ending, String endedBy, Instant endedAt) {
        return jdbc.sql("UPDATE calendar_announcement SET ended_by = :endedBy, ended_at = :endedAt, ended_because = :ending"
                        + " WHERE day = :day AND ended_at IS NULL")
                .param("endedBy", endedBy)
                .param("endedAt", OffsetDateTime.ofInstant(endedAt, ZoneOffset.UTC))
                .param("ending", ending.name())
                .param("day", date)
                .update() == 1;
    }

    private static Announcement map(ResultSet rs, int row) throws SQLException {
        String ending = rs.getString("ended_because");
        return new Announcement(rs.getLong("id"), rs.getObject("day", LocalDate.class),
                AnnouncementKind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getString("decision_number"),
                rs.getString("recorded_by"), instant(rs, "recorded_at"), rs.getString("ended_by"), instant(rs, "ended_at"),
                ending == null ? null : Announcement.Ending.valueOf(ending));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
