package vn.gov.egov.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The central dossier repository: the metadata once per hash in {@code attachment_content}, one
 * {@code attachment_reference} per time a file was stored, and the bytes in a {@link ContentStore} (the
 * content-addressed file store, or the {@code content} column). Each row says where its bytes are, so rows written in
 * either mode stay readable after the mode is switched.
 */
class CentralRepository implements DossierFiles {

    private final JdbcClient jdbc;
    private final FileChecks checks;
    private final ContentStore writing;
    private final FileContentStore files;
    private final Clock clock;

    /** @param writing where new files go: {@code files} or the {@code content} column; {@code files} reads the fs rows */
    CentralRepository(JdbcClient jdbc, AttachmentProperties properties, ContentStore writing, FileContentStore files) {
        this.jdbc = jdbc;
        this.checks = new FileChecks(properties);
        this.writing = writing;
        this.files = files;
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
        // the bytes first: a row never points at nothing; a rollback leaves at worst an orphan file for the sweeper
        byte[] rowContent = writing.save(sha256, file.content());
        Timestamp now = Timestamp.from(clock.instant());
        // a new file's row comes back from its insert; a file stored before is read (after its writer committed)
        Optional<StoredFile> inserted = jdbc.sql("""
                        INSERT INTO attachment_content (sha256, kind, media_type, size, pages, location, content, first_stored_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING
                        RETURNING sha256, kind, media_type, size, pages, first_stored_at""")
                .params(sha256, file.kind().name(), file.kind().mediaType(), file.content().length, file.pages(),
                        writing.location(), rowContent, now)
                .query(CentralRepository::storedFile).optional();
        jdbc.sql("""
                        INSERT INTO attachment_reference (sha256, channel, dossier_code, file_name, stored_by, stored_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(sha256, provenance.channel(), provenance.dossierCode(), file.fileName(), provenance.storedBy(), now)
                .update();
        return inserted.or(() -> find(sha256)).orElseThrow();
    }

    @Override
    @Transactional
    public void release(String sha256, Provenance provenance) {
        jdbc.sql("""
                        DELETE FROM attachment_reference WHERE id = (
                          SELECT id FROM attachment_reference
                          WHERE sha256 = ? AND channel = ? AND stored_by = ? AND dossier_code IS NOT DISTINCT FROM ?
                          ORDER BY stored_at DESC, id DESC LIMIT 1 FOR UPDATE SKIP LOCKED)""")
                .params(normal(sha256), provenance.channel(), provenance.storedBy(), provenance.dossierCode())
                .update();
    }

    @Override
    public Optional<StoredFile> find(String sha256) {
        return jdbc.sql("SELECT sha256, kind, media_type, size, pages, first_stored_at FROM attachment_content WHERE sha256 = ?")
                .param(normal(sha256)).query(CentralRepository::storedFile).optional();
    }

    @Override
    public Optional<byte[]> content(String sha256) {
        String hash = normal(sha256);
        return jdbc.sql("SELECT location, content FROM attachment_content WHERE sha256 = ?").param(hash)
                .query((rs, n) -> {
                    if (DatabaseContentStore.LOCATION.equals(rs.getString(1))) {
                        return rs.getBytes(2);
                    }
                    // a row without its file is damage, not absence: the integrity check reports it too
                    return files.read(hash, false).orElseThrow(() -> new IllegalStateException(
                            "the file of " + hash + " is missing from " + files.root()));
                })
                .optional();
    }

    private static String normal(String sha256) {
        return sha256 == null ? "" : sha256.toLowerCase(java.util.Locale.ROOT);
    }

    private static StoredFile storedFile(ResultSet rs, int row) throws SQLException {
        return new StoredFile(rs.getString("sha256"), MediaKind.valueOf(rs.getString("kind")), rs.getString("media_type"),
                rs.getLong("size"), (Integer) rs.getObject("pages"), rs.getTimestamp("first_stored_at").toInstant());
    }
}
