package org.tongban.cases.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.platform.FieldProtection;

/**
 * The start-up step that keeps personal data in the {@code cases} schema sealed (docs/adr/0016): it seals what rows
 * from before sealing still hold in clear (and empties the clear column), and reseals with the newest field key what
 * an older key version sealed, after a rotation. Batches of {@value #BATCH} rows, each in its own transaction, with
 * {@code skip locked}, so that two nodes starting at once share the work and a request never waits long.
 */
@Component
public class PersonalDataSealing {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataSealing.class);
    private static final int BATCH = 200;

    /** A sealed column: its table, the key columns of a row (name and SQL type), the clear column it replaces. */
    private record Column(
            String table,
            List<String[]> keys,
            String clear,
            boolean bytes,
            String sealed,
            Function<List<String>, String> place) {

        String keyList() {
            return String.join(", ", keys.stream().map(k -> k[0] + "::text").toList());
        }

        String where() {
            var parts = new ArrayList<String>();
            for (int i = 0; i < keys.size(); i++)
                parts.add(keys.get(i)[0] + " = cast(:k" + i + " as " + keys.get(i)[1] + ")");
            return String.join(" and ", parts);
        }
    }

    private static final List<Column> COLUMNS = List.of(
            new Column(
                    SealedPlaces.CASE_FILE,
                    List.<String[]>of(new String[] {"number", "text"}),
                    "form_data",
                    false,
                    "form_sealed",
                    k -> SealedPlaces.formPlace(k.get(0))),
            new Column(
                    SealedPlaces.DRAFT,
                    List.of(new String[] {"applicant_id", "uuid"}, new String[] {"item_code", "text"}),
                    "form_data",
                    false,
                    "form_sealed",
                    k -> SealedPlaces.draftPlace(java.util.UUID.fromString(k.get(0)), k.get(1))),
            new Column(
                    SealedPlaces.UPLOAD,
                    List.<String[]>of(new String[] {"id", "uuid"}),
                    "content",
                    true,
                    "content_sealed",
                    k -> SealedPlaces.uploadPlace(java.util.UUID.fromString(k.get(0)))),
            new Column(
                    SealedPlaces.MATERIAL,
                    List.of(new String[] {"number", "text"}, new String[] {"seq", "integer"}),
                    "licence_data",
                    false,
                    "licence_data_sealed",
                    k -> SealedPlaces.licenseDataPlace(k.get(0), Integer.parseInt(k.get(1)))));

    private final JdbcClient jdbc;
    private final FieldProtection protection;
    private final TransactionTemplate transactions;

    PersonalDataSealing(JdbcClient jdbc, FieldProtection protection, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        var done = run();
        if (done > 0) log.info("Sealed or resealed {} values of personal data in the cases schema", done);
    }

    /** Seals every clear value and reseals every value of an older key version; the number of values changed. */
    public int run() {
        int total = 0;
        for (var column : COLUMNS) {
            int n;
            while ((n = batch(column, false)) > 0) total += n;
            while ((n = batch(column, true)) > 0) total += n;
        }
        return total;
    }

    private int batch(Column c, boolean reseal) {
        Integer changed = transactions.execute(status -> {
            var read = reseal ? c.sealed() : c.clear() + (c.bytes() ? "" : "::text");
            var filter = reseal
                    ? c.sealed() + " is not null and get_byte(" + c.sealed() + ", 0) < :v"
                    : c.clear() + " is not null";
            var rows = jdbc.sql("select " + c.keyList() + ", " + read + " from " + c.table() + " where " + filter
                            + " limit " + BATCH + " for update skip locked")
                    .param("v", protection.currentFieldKeyVersion())
                    .query((rs, i) -> {
                        var keys = new ArrayList<String>();
                        for (int k = 1; k <= c.keys().size(); k++) keys.add(rs.getString(k));
                        int value = c.keys().size() + 1;
                        byte[] plain = reseal
                                ? protection.open(rs.getBytes(value), c.place().apply(keys))
                                : c.bytes()
                                        ? rs.getBytes(value)
                                        : rs.getString(value).getBytes(StandardCharsets.UTF_8);
                        return new Object[] {
                            keys, protection.seal(plain, c.place().apply(keys))
                        };
                    })
                    .list();
            for (var row : rows) {
                @SuppressWarnings("unchecked")
                var keys = (List<String>) row[0];
                var update = jdbc.sql("update " + c.table() + " set " + c.sealed() + " = :sealed"
                                + (reseal ? "" : ", " + c.clear() + " = null") + " where " + c.where())
                        .param("sealed", row[1]);
                for (int k = 0; k < keys.size(); k++) update = update.param("k" + k, keys.get(k));
                update.update();
            }
            return rows.size();
        });
        return changed == null ? 0 : changed;
    }
}
