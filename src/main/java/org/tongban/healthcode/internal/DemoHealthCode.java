package org.tongban.healthcode.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Departments;

/**
 * The demo's venue: 广州市卫生健康委员会 registered its service hall (办事大厅) once, through {@code healthofficial}.
 * Demo only.
 */
@Component
@Order(40)
class DemoHealthCode implements ApplicationRunner {

    private final Venues venues;
    private final Departments departments;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final HealthCodeService codes;

    DemoHealthCode(
            Venues venues,
            Departments departments,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Environment environment,
            HealthCodeService codes) {
        this.venues = venues;
        this.departments = departments;
        this.jdbc = jdbc;
        this.tx = tx;
        this.environment = environment;
        this.codes = codes;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("production"))) return;
        if (!environment.getProperty("tongban.demo-data.enabled", Boolean.class, true)) return;
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-healthcode'))")
                    .query()
                    .singleValue();
            if (jdbc.sql("select count(*) from healthcode.venue")
                            .query(Long.class)
                            .single()
                    > 0) return;
            var officials = departments.officialsOf(codes.department());
            if (officials.isEmpty()) return;
            venues.register(officials.getFirst(), "广州市卫生健康委员会办事大厅", "广州市越秀区东风中路483号");
        });
    }
}
