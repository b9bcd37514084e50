package vn.gov.egov.identity;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's logins, failures, lock-outs and logouts. */
@Repository
class LoginHistory {

    enum Kind { PASSWORD_ACCEPTED, LOGIN_SUCCEEDED, PASSWORD_REJECTED, SECOND_FACTOR_REJECTED, LOCKED_OUT, THROTTLED, LOGGED_OUT,
        PASSWORD_CHANGED, IDENTITY_CONFIRMED }

    record LoginEvent(String username, Kind kind, Instant at, String ip, String userAgent) {
    }

    private final JdbcClient jdbc;

    LoginHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String username, Kind kind, String ip, String userAgent) {
        jdbc.sql("INSERT INTO login_event (username, kind, ip, user_agent) VALUES (?, ?, ?, ?)")
                .params(OfficialAccounts.normalize(username), kind.name(), ip,
                        userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length())))
                .update();
    }

    List<LoginEvent> of(String username, int limit) {
        return jdbc.sql("SELECT username, kind, at, ip, user_agent FROM login_event WHERE username = ? ORDER BY at DESC, id DESC LIMIT ?")
                .params(OfficialAccounts.normalize(username), limit)
                .query((rs, n) -> new LoginEvent(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5)))
                .list();
    }
}
