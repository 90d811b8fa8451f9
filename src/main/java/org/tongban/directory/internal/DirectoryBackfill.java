package org.tongban.directory.internal;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Departments;

/**
 * Fills the read model from identity's API at every start (the first start included) and reconciles it: the units,
 * every official at work, and a withdrawal for anyone the snapshot no longer lists. Facts newer than the snapshot
 * (an event applied meanwhile) are kept. After identity's demo data (orders 10 and 12), before the directory's.
 */
@Component
@Order(20)
class DirectoryBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryBackfill.class);

    private final Departments departments;
    private final DirectoryStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DirectoryBackfill(Departments departments, DirectoryStore store, JdbcClient jdbc, TransactionTemplate tx) {
        this.departments = departments;
        this.store = store;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.directory-backfill'))")
                    .query()
                    .singleValue();
            var snapshot = Instant.now();
            departments.orgUnits().forEach(store::upsertUnit);
            var officials = departments.postedOfficials();
            int changed = 0;
            for (var o : officials) {
                if (store.appoint(o.accountId(), o.name(), o.departmentCode(), o.post(), snapshot)) changed++;
            }
            var gone = store.withdrawAllBut(
                    officials.stream().map(o -> o.accountId()).toList(), snapshot);
            log.info("Directory reconciled: {} officials at work, {} withdrawn", changed, gone);
        });
    }
}
