package vn.gov.egov.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The personal document store: rows in {@code personal_document} pointing at the central repository's files. */
@Service
class PersonalDocuments implements PersonalDocumentStore {

    private static final String COLUMNS = """
            d.id, d.owner_kind, d.owner_id, d.title, d.kind, d.sha256, c.media_type, c.size, d.source_dossier_code,
            d.issued_on, d.valid_until, d.added_at""";

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    PersonalDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalDocument> documents(DocumentOwner owner) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM personal_document d JOIN attachment_content c ON c.sha256 = d.sha256
                        WHERE d.owner_kind = ? AND d.owner_id = ? ORDER BY d.added_at DESC, d.title""")
                .params(owner.kind(), owner.id()).query(PersonalDocuments::document).list();
    }

    @Override
    public Optional<PersonalDocument> find(DocumentOwner owner, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM personal_document d JOIN attachment_content c ON c.sha256 = d.sha256
                        WHERE d.id = ? AND d.owner_kind = ? AND d.owner_id = ?""")
                .params(id, owner.kind(), owner.id()).query(PersonalDocuments::document).optional();
    }

    @Override
    @Transactional
    public PersonalDocument add(DocumentOwner owner, String title, PersonalDocumentKind kind, StoredFile file,
                                String sourceDossierCode, LocalDate issuedOn, LocalDate validUntil) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Tên giấy tờ không được để trống.");
        }
        if (title.strip().length() > 300) {
            throw new IllegalArgumentException("Tên giấy tờ dài quá 300 ký tự.");
        }
        if (issuedOn != null && validUntil != null && validUntil.isBefore(issuedOn)) {
            throw new IllegalArgumentException("Ngày hết hiệu lực phải sau ngày cấp.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO personal_document (id, owner_kind, owner_id, title, kind, sha256, source_dossier_code,
                                                       issued_on, valid_until, added_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, owner.kind(), owner.id(), title.strip(), kind.name(), file.sha256(), sourceDossierCode,
                        issuedOn, validUntil, Timestamp.from(clock.instant()))
                .update();
        return find(owner, id).orElseThrow();
    }

    @Override
    @Transactional
    public void remove(DocumentOwner owner, UUID id) {
        Optional<PersonalDocument> document = find(owner, id);
        if (document.isEmpty()) {
            return;
        }
        if (document.get().kind() != PersonalDocumentKind.UPLOADED) {
            throw new IllegalStateException("Không thể xóa \"%s\": %s được lưu giữ lâu dài trong kho, chỉ giấy tờ tự tải lên mới xóa được."
                    .formatted(document.get().title(), document.get().kind().vietnameseName().toLowerCase(java.util.Locale.ROOT)));
        }
        // the content stays in the central repository: a dossier may hold the same file
        jdbc.sql("DELETE FROM personal_document WHERE id = ? AND owner_kind = ? AND owner_id = ? AND kind = 'UPLOADED'")
                .params(id, owner.kind(), owner.id()).update();
    }

    private static PersonalDocument document(ResultSet rs, int row) throws SQLException {
        return new PersonalDocument(rs.getObject("id", UUID.class), new DocumentOwner(rs.getString("owner_kind"), rs.getString("owner_id")),
                rs.getString("title"), PersonalDocumentKind.valueOf(rs.getString("kind")), rs.getString("sha256"),
                rs.getString("media_type"), rs.getLong("size"), rs.getString("source_dossier_code"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getTimestamp("added_at").toInstant());
    }
}
