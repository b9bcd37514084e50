package vn.gov.egov.attachment;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bytes in {@code attachment_content.content} ({@code bytea}, TOASTed): for small deployments. */
final class DatabaseContentStore implements ContentStore {

    static final String LOCATION = "db";

    private final JdbcClient jdbc;

    DatabaseContentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String location() {
        return LOCATION;
    }

    @Override
    public byte[] save(String sha256, byte[] content) {
        return content; // the metadata row carries it
    }

    @Override
    public Optional<byte[]> read(String sha256, boolean verify) {
        Optional<byte[]> content = jdbc.sql("SELECT content FROM attachment_content WHERE sha256 = ? AND location = 'db'")
                .param(sha256).query((rs, n) -> rs.getBytes(1)).optional();
        if (verify && content.isPresent() && !FileChecks.sha256(content.get()).equals(sha256)) {
            throw new IllegalStateException("the stored content of " + sha256 + " does not match its hash");
        }
        return content;
    }
}
