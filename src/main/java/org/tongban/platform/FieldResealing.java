package org.tongban.platform;

import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The re-encryption step after a rotation of the field key (docs/adr/0016): reseals with the newest key every value
 * of a column that an older key version sealed (the first byte of the ciphertext names it). Batches of {@value #BATCH}
 * rows, each in its own transaction, {@code skip locked}: several nodes starting at once share the work. Modules call
 * it at start-up for their own sealed columns; names are the module's constants, never input.
 */
@Component
public class FieldResealing {

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final FieldProtection protection;
    private final TransactionTemplate transactions;

    FieldResealing(JdbcClient jdbc, FieldProtection protection, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.transactions = transactions;
    }

    /**
     * Reseals a column; returns how many values it resealed.
     *
     * @param key the row's key column, and its SQL type
     * @param context the associated data each value was sealed with, from the row's key (as text)
     */
    public int reseal(String table, String key, String keyType, String column, Function<String, String> context) {
        int total = 0;
        int n;
        do {
            Integer done = transactions.execute(s -> {
                var rows = jdbc.sql("select " + key + "::text, " + column + " from " + table + " where " + column
                                + " is not null and get_byte(" + column + ", 0) < :v limit " + BATCH
                                + " for update skip locked")
                        .param("v", protection.currentFieldKeyVersion())
                        .query((rs, i) -> List.of(
                                rs.getString(1), protection.reseal(rs.getBytes(2), context.apply(rs.getString(1)))))
                        .list();
                for (var row : rows) {
                    jdbc.sql("update " + table + " set " + column + " = :sealed where " + key + " = cast(:k as "
                                    + keyType + ")")
                            .param("sealed", row.get(1))
                            .param("k", row.get(0))
                            .update();
                }
                return rows.size();
            });
            n = done == null ? 0 : done;
            total += n;
        } while (n > 0);
        return total;
    }
}
