package org.tongban.insight.internal;

import java.time.Instant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseFigures;

/**
 * The first start after the insight module arrives fills the case read model from the cases module's API, a page
 * of numbers at a time (each case under its lock, as the listeners write it), and records that it ran. Cases
 * filed meanwhile are written by their events as well; both write the case as it stands, so neither undoes the
 * other. Ratings and licences are not backfilled: their read models start with the module (ADR 0044).
 */
@Component
class InsightBackfill {

    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final CaseFigures cases;
    private final CaseFactStore store;

    InsightBackfill(JdbcClient jdbc, CaseFigures cases, CaseFactStore store) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Async
    public void fill() {
        var claimed = jdbc.sql(
                        "insert into insight.backfill (name, done_at) values ('cases', :at) on conflict do nothing")
                .param("at", java.sql.Timestamp.from(Instant.now()))
                .update();
        if (claimed == 0) return;
        var after = "";
        while (true) {
            var page = cases.after(after, PAGE);
            if (page.isEmpty()) return;
            for (var facts : page) store.refresh(facts.number());
            after = page.getLast().number();
        }
    }
}
