package vn.gov.egov.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The central dossier repository in PostgreSQL: the content once per hash in {@code attachment_content} (stored
 * uncompressed, PDFs and JPEGs do not shrink), one {@code attachment_reference} per time a file was stored.
 */
@Service
class CentralRepository implements DossierFiles {

    private final JdbcClient jdbc;
    private final FileChecks checks;
    private final Clock clock;

    CentralRepository(JdbcClient jdbc, AttachmentProperties properties) {
        this.jdbc = jdbc;
        this.checks = new FileChecks(properties);
        this.clock = Clock.systemUTC();
    }

    @Override
    public CheckedFile check(Upload upload) {
        return checks.check(upload);
    }

    @Override
    @Transactional
    public StoredFile store(CheckedFile file, Provenance provenance) {
        // the hash is the file's identity here: never trust one computed elsewhere
        String sha256 = FileChecks.sha256(file.content());
        if (!sha256.equals(file.sha256()) || FileChecks.recognise(file.content()) != file.kind()) {
            throw new IllegalArgumentException("the checked file does not match its content; check it again");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO attachment_content (sha256, kind, media_type, size, pages, content, first_stored_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING""")
                .params(sha256, file.kind().name(), file.kind().mediaType(), file.content().length, file.pages(), file.content(), now)
                .update();
        jdbc.sql("""
                        INSERT INTO attachment_reference (sha256, channel, dossier_code, file_name, stored_by, stored_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(sha256, provenance.channel(), provenance.dossierCode(), file.fileName(), provenance.storedBy(), now)
                .update();
        return find(sha256).orElseThrow();
    }

    @Override
    public Optional<StoredFile> find(String sha256) {
        return jdbc.sql("SELECT sha256, kind, media_type, size, pages, first_stored_at FROM attachment_content WHERE sha256 = ?")
                .param(normal(sha256)).query(CentralRepository::storedFile).optional();
    }

    @Override
    public Optional<byte[]> content(String sha256) {
        return jdbc.sql("SELECT content FROM attachment_content WHERE sha256 = ?").param(normal(sha256))
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static String normal(String sha256) {
        return sha256 == null ? "" : sha256.toLowerCase(java.util.Locale.ROOT);
    }

    private static StoredFile storedFile(ResultSet rs, int row) throws SQLException {
        return new StoredFile(rs.getString("sha256"), MediaKind.valueOf(rs.getString("kind")), rs.getString("media_type"),
                rs.getLong("size"), (Integer) rs.getObject("pages"), rs.getTimestamp("first_stored_at").toInstant());
    }
}
