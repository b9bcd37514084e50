package vn.gov.egov.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads every file the metadata points at and checks its size and SHA-256: finds a file lost or damaged on disk, or
 * missing from a restored backup. Reports only (WARN); nothing is changed.
 */
@Component
class IntegrityCheck {

    private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);
    private static final int PAGE = 500;

    enum Finding { MISSING, WRONG_SIZE, WRONG_HASH }

    record Problem(String sha256, Finding finding) {
    }

    private final FileContentStore files;
    private final JdbcClient jdbc;

    IntegrityCheck(FileContentStore files, JdbcClient jdbc) {
        this.files = files;
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${egov.attachment.integrity-cron:0 0 3 * * SUN}", zone = "Asia/Ho_Chi_Minh")
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("The integrity check of the files under {} failed; it runs again at the next schedule", files.root(), e);
        }
    }

    /** Null when the file is there and matches. */
    private Finding finding(String sha256, long size) {
        Optional<byte[]> content = files.read(sha256, false);
        if (content.isEmpty()) {
            return Finding.MISSING;
        }
        if (content.get().length != size) {
            return Finding.WRONG_SIZE;
        }
        return FileChecks.sha256(content.get()).equals(sha256) ? null : Finding.WRONG_HASH;
    }

    /** The {@code fs} rows whose file is missing or does not match the row's size and hash. */
    List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        long checked = 0;
        String after = "";
        while (true) {
            record Row(String sha256, long size) {
            }
            List<Row> rows = jdbc.sql("""
                            SELECT sha256, size FROM attachment_content WHERE location = 'fs' AND sha256 > ?
                            ORDER BY sha256 LIMIT ?""")
                    .params(after, PAGE).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2))).list();
            for (Row row : rows) {
                checked++;
                Finding finding = finding(row.sha256(), row.size());
                if (finding != null) {
                    problems.add(new Problem(row.sha256(), finding));
                    log.warn("Content store integrity: {} of {} ({})", finding, row.sha256(), files.path(row.sha256()));
                }
            }
            if (rows.size() < PAGE) {
                break;
            }
            after = rows.get(rows.size() - 1).sha256();
        }
        if (problems.isEmpty()) {
            log.info("Content store integrity: {} files checked under {}, all present and matching", checked, files.root());
        } else {
            log.warn("Content store integrity: {} of {} files under {} missing or damaged", problems.size(), checked, files.root());
        }
        return problems;
    }
}
