package vn.gov.egov.personaldata;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The usual {@link SealedValueStore}: one sealed column of one table, walked in the order of the table's key. The module
 * that owns the table publishes it as a bean, e.g.
 * {@code SealedColumn.of(jdbc, "citizen_account", "id", KeyType.UUID, "phone_sealed", CitizenAccounts.PHONE)}. The names
 * are the module's constants, never input (they are checked to be plain SQL identifiers all the same).
 *
 * @param table   the table
 * @param key     its key column (unique, indexed): the batches follow its order
 * @param keyType the key's SQL type
 * @param column  the sealed column
 * @param purpose the purpose its values are sealed for
 */
public record SealedColumn(JdbcClient jdbc, String table, String key, KeyType keyType, String column, String purpose)
        implements SealedValueStore {

    /** The SQL type of a key column. */
    public enum KeyType {
        UUID("uuid"), BIGINT("bigint"), SMALLINT("smallint"), TEXT("text");

        private final String sql;

        KeyType(String sql) {
            this.sql = sql;
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public SealedColumn {
        for (String name : new String[] {table, key, column}) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + name);
            }
        }
        if (keyType == null || purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a sealed column needs its key type and purpose");
        }
    }

    public static SealedColumn of(JdbcClient jdbc, String table, String key, KeyType keyType, String column, String purpose) {
        return new SealedColumn(jdbc, table, key, keyType, column, purpose);
    }

    /** {@code table.column}, as the schema names it. */
    public String location() {
        return table + "." + column;
    }

    @Override
    public List<SealedValue> batchNotSealedWith(String activeKeyId, String afterId, int limit) {
        return jdbc.sql("""
                        select cast(%2$s as text) as id, %3$s as sealed from %1$s
                         where %3$s is not null and not starts_with(%3$s, :prefix)
                           and (cast(:after as text) is null or %2$s > cast(cast(:after as text) as %4$s))
                         order by %2$s limit :limit""".formatted(table, key, column, keyType.sql))
                .param("prefix", PersonalDataProtection.sealedPrefix(activeKeyId)).param("after", afterId).param("limit", limit)
                .query((rs, n) -> new SealedValue(rs.getString("id"), rs.getString("sealed"))).list();
    }

    @Override
    public boolean replace(SealedValue current, String resealed) {
        return jdbc.sql("update %1$s set %3$s = :resealed where %2$s = cast(cast(:id as text) as %4$s) and %3$s = :current"
                        .formatted(table, key, column, keyType.sql))
                .param("resealed", resealed).param("id", current.id()).param("current", current.sealed()).update() == 1;
    }

    @Override
    public String toString() {
        return "SealedColumn[" + location() + ", " + purpose + "]";
    }
}
