package org.tongban.directory.internal;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.directory.internal.ContactStore.Contact;
import org.tongban.directory.internal.ContactStore.Seen;

/**
 * Demo contact details for the demo directory: an office phone, a room and an e-mail address for every official
 * in it, a mobile (from the test range 1380014xxxx) for most, with a mix of who may see what. Once, after the
 * backfill; not in production.
 */
@Component
@Order(30)
class DemoContacts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContacts.class);

    private final ContactStore contacts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment environment;

    DemoContacts(ContactStore contacts, JdbcClient jdbc, TransactionTemplate tx, Environment environment) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("production"))
                || !environment.getProperty("tongban.demo-data.enabled", Boolean.class, true)) {
            return;
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-contacts'))")
                    .query()
                    .singleValue();
            if (contacts.any()) return;
            record Row(UUID account, String pinyin, String department) {}
            var rows = jdbc.sql("select account_id, pinyin, department_code from directory.entry where active"
                            + " order by department_code, pinyin, account_id")
                    .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                    .list();
            var seen = Seen.values();
            for (int i = 0; i < rows.size(); i++) {
                var r = rows.get(i);
                var area = r.department().startsWith("4403") ? "0755" : "020";
                contacts.save(
                        r.account(),
                        new Contact(
                                String.format("%s-8%07d", area, 3100000 + i * 37),
                                i % 5 == 4 ? null : String.format("1380014%04d", i),
                                r.pinyin() + (i + 1) + "@tongban.example",
                                String.format("%d号楼%d室", 1 + i % 3, 201 + (i % 12) * 100 + i % 9),
                                Seen.ALL,
                                seen[1 + i % 2],
                                i % 7 == 0 ? Seen.DEPARTMENT : Seen.ALL,
                                Seen.ALL));
            }
            log.info("Demo directory contacts seeded: {}", rows.size());
        });
    }
}
