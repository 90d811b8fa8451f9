package org.tongban.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.cases.CaseSubmitted;
import org.tongban.identity.Departments;
import org.tongban.identity.internal.AccountStore;
import org.tongban.licenses.LicenseIssued;
import org.tongban.ratings.CaseRated;
import org.tongban.ratings.RatingManagement;
import org.tongban.ratings.RectificationClosed;
import org.tongban.shared.WorkingDayCalendar;
import org.tongban.workbench.TodoFixtures;

/**
 * Every figure of the dashboards equals a direct count over the modules' own tables (the province's and one
 * department's), after a concluded, badly rated and rectified case and a waiting one were made through the real
 * flow, and again after every event was delivered a second time.
 */
class InsightFiguresTests extends IntegrationTest {

    @Autowired
    Insight insight;

    @Autowired
    InsightListeners listeners;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    RatingManagement ratings;

    @Autowired
    AccountStore accounts;

    @Autowired
    Departments departments;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    Clock clock;

    @Test
    void everyFigureEqualsADirectCountAlsoAfterRedeliveredEvents() {
        var made = new TodoFixtures(context).make();
        var official =
                accounts.findByIdentifier("transportofficial").orElseThrow().id();
        ratings.respond(official, made.rectification(), "已约谈窗口人员并更新一次性告知单。");
        ratings.close(official, made.rectification());

        announceWhatSlicesWrote();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(this::figuresEqualDirectCounts);
        var before = insight.figures(null, 365, Locale.CHINA);

        redeliverEverything();

        figuresEqualDirectCounts();
        assertThat(insight.figures(null, 365, Locale.CHINA)).isEqualTo(before);
        var rated = insight.drill(
                new Drill("rectified", before.from(), before.to(), null, null, null, null, null), Locale.CHINA, 200);
        assertThat(rated).extracting(Insight.Line::id).contains(made.ratedCase());
        var waiting = insight.drill(
                new Drill("all", before.from(), before.to(), "440100-JT", null, "PERSON", null, null),
                Locale.CHINA,
                200);
        assertThat(waiting).anySatisfy(l -> {
            assertThat(l.id()).isEqualTo(made.waitingCase());
            assertThat(l.item()).isEqualTo(TodoFixtures.ITEM);
            assertThat(l.channel()).isEqualTo("个人办事");
            assertThat(l.state()).isEqualTo("办理中");
        });
    }

    void figuresEqualDirectCounts() {
        var province = insight.figures(null, 365, Locale.CHINA);
        var direct = direct(province.from(), province.to(), null);
        assertThat(sums(province.total())).isEqualTo(direct.get("all"));
        for (var row : province.byDepartment()) {
            assertThat(sums(row))
                    .as(row.name())
                    .isEqualTo(direct(province.from(), province.to(), row.key()).get("all"));
        }
        assertThat(province.byChannel().stream().collect(Collectors.toMap(Figures.Row::key, InsightFiguresTests::sums)))
                .isEqualTo(byChannel(province.from(), province.to()));
        assertThat(province.openOverdue())
                .isEqualTo(count(
                        "select count(*) from cases.case_file where concluded_at is null and due_date < ?",
                        LocalDate.now(clock)));
        assertThat(province.ratings().stream().collect(Collectors.toMap(Figures.Count::key, Figures.Count::count)))
                .isEqualTo(jdbc
                        .sql("""
                                select level::text, count(*) from ratings.rating
                                 where (rated_at at time zone :z)::date between :f and :t group by level""")
                        .param("z", zone())
                        .param("f", province.from())
                        .param("t", province.to())
                        .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        var rect = jdbc.sql("""
                        select count(*) filter (where r.level <= 2),
                               count(*) filter (where r.level <= 2 and exists (select 1 from ratings.rectification x
                                   where x.case_number = r.case_number and x.status = 'CLOSED'))
                          from ratings.rating r where (r.rated_at at time zone :z)::date between :f and :t""")
                .param("z", zone())
                .param("f", province.from())
                .param("t", province.to())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        assertThat(new long[] {province.badRatings(), province.rectified()}).isEqualTo(rect);
        assertThat(province.licencesIssued())
                .isEqualTo(jdbc.sql("""
                                select count(*) from licenses.license where batch_id is null
                                   and (issued_at at time zone :z)::date between :f and :t""")
                        .param("z", zone())
                        .param("f", province.from())
                        .param("t", province.to())
                        .query(Long.class)
                        .single());
        var active = jdbc
                .sql("""
                        select case when enterprise_code is null then 'PERSON' else 'ENTERPRISE' end,
                               count(distinct applicant_id)
                          from cases.case_file where (submitted_at at time zone :z)::date between :f and :t
                         group by 1""")
                .param("z", zone())
                .param("f", province.from())
                .param("t", province.to())
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(province.activeUsers().stream().collect(Collectors.toMap(Figures.Count::key, Figures.Count::count)))
                .isEqualTo(active);

        var market = departments
                .departmentOf(
                        accounts.findByIdentifier("deptadmin").orElseThrow().id())
                .orElseThrow();
        var own = insight.figures(market, 365, Locale.CHINA);
        assertThat(own.byDepartment()).isEmpty();
        assertThat(sums(own.total()))
                .isEqualTo(direct(own.from(), own.to(), market).get("all"));
    }

    /**
     * The whole suite shares one database, and module slice tests (CaseModuleTests: cases with its dependencies, no
     * insight) file cases whose events no insight listener heard. A platform always runs every module, so those are
     * announced here as the backfill would on a first start; a case, rating or licence whose event did reach an
     * insight listener is left alone, so that a listener that lost one is still caught.
     */
    void announceWhatSlicesWrote() {
        jdbc.sql("""
                        select number, item_code, item_version, applicant_id from cases.case_file c
                         where not exists (select 1 from events.event_publication p
                                            where p.listener_id like 'org.tongban.insight.%CaseSubmitted%'
                                              and p.serialized_event like '%"' || c.number || '"%')""").query(InsightFiguresTests::submitted).list().forEach(listeners::on);
        jdbc.sql("""
                        select r.case_number, r.rater_id, c.item_code, c.department_code, r.level, r.rated_at
                          from ratings.rating r join ratings.rateable_case c on c.case_number = r.case_number
                         where not exists (select 1 from events.event_publication p
                                            where p.listener_id like 'org.tongban.insight.%CaseRated%'
                                              and p.serialized_event like '%"' || r.case_number || '"%')""").query(InsightFiguresTests::rated).list().forEach(listeners::on);
        jdbc.sql("""
                        select identifier, type, issuer_department, issued_at from licenses.license l
                         where batch_id is null and not exists (select 1 from events.event_publication p
                                            where p.listener_id like 'org.tongban.insight.%LicenseIssued%'
                                              and p.serialized_event like '%"' || l.identifier || '"%')""").query(InsightFiguresTests::issued).list().forEach(listeners::on);
    }

    /** The event of a case row (number, item code, version, applicant), as cases publishes it. */
    static CaseSubmitted submitted(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new CaseSubmitted(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, UUID.class));
    }

    /** The event of a rating row (case, rater, item, department, level, time), as ratings publishes it. */
    static CaseRated rated(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new CaseRated(
                rs.getString(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                Map.of(),
                rs.getTimestamp(6).toInstant());
    }

    /** The event of a licence row (identifier, type, issuer, issued at), as licences publishes it. */
    static LicenseIssued issued(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new LicenseIssued(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                "*",
                null,
                null,
                "test",
                rs.getTimestamp(4).toInstant());
    }

    void redeliverEverything() {
        jdbc.sql("select number, item_code, item_version, applicant_id from cases.case_file")
                .query(InsightFiguresTests::submitted)
                .list()
                .forEach(listeners::on);
        jdbc.sql("""
                        select r.case_number, r.rater_id, c.item_code, c.department_code, r.level, r.rated_at
                          from ratings.rating r join ratings.rateable_case c on c.case_number = r.case_number""").query(InsightFiguresTests::rated).list().forEach(listeners::on);
        jdbc.sql("select id, case_number from ratings.rectification where status = 'CLOSED'")
                .query((rs, i) ->
                        new RectificationClosed(rs.getObject(1, UUID.class), rs.getString(2), false, Instant.now()))
                .list()
                .forEach(listeners::on);
        jdbc.sql("select identifier, type, issuer_department, issued_at from licenses.license where batch_id is null")
                .query(InsightFiguresTests::issued)
                .list()
                .forEach(listeners::on);
    }

    /** Submitted, zero-visit, concluded, on time, late and handling days of the cases filed in the period. */
    Map<String, java.util.List<Long>> direct(LocalDate from, LocalDate to, String department) {
        var result = new TreeMap<String, java.util.List<Long>>();
        var sums = new long[6];
        jdbc.sql("""
                        select (c.submitted_at at time zone :z)::date, (c.concluded_at at time zone :z)::date,
                               c.outcome, c.due_date, s.visits = 0
                          from cases.case_file c
                          left join catalog.service_item s on s.code = c.item_code and s.version = c.item_version
                         where (c.submitted_at at time zone :z)::date between :f and :t
                           and (cast(:d as text) is null or c.department_code = :d)""")
                .param("z", zone())
                .param("f", from)
                .param("t", to)
                .param("d", department)
                .query((rs, i) -> {
                    var submitted = rs.getObject(1, LocalDate.class);
                    var concludedDay = rs.getObject(2, LocalDate.class);
                    var outcome = rs.getString(3);
                    var due = rs.getObject(4, LocalDate.class);
                    var concluded = concludedDay != null && outcome != null && CaseFact.CONCLUDED.contains(outcome);
                    var late = concluded && due != null && concludedDay.isAfter(due);
                    sums[0]++;
                    if (rs.getBoolean(5)) sums[1]++;
                    if (concluded) {
                        sums[2]++;
                        if (late) sums[4]++;
                        else sums[3]++;
                        sums[5] += calendar.workingDaysBetween(submitted, concludedDay);
                    }
                    return 1;
                })
                .list();
        result.put("all", java.util.Arrays.stream(sums).boxed().toList());
        return result;
    }

    Map<String, java.util.List<Long>> byChannel(LocalDate from, LocalDate to) {
        var out = new TreeMap<String, java.util.List<Long>>();
        for (var channel : new String[] {"PERSON", "ENTERPRISE"}) {
            var n = count(
                    "select count(*) from cases.case_file where (submitted_at at time zone '" + zone()
                            + "')::date between ? and ? and (enterprise_code is null) = ?",
                    from,
                    to,
                    channel.equals("PERSON"));
            if (n > 0) {
                var row = insight.figures(null, 365, Locale.CHINA).byChannel().stream()
                        .filter(r -> r.key().equals(channel))
                        .findFirst()
                        .orElseThrow();
                assertThat(row.submitted()).isEqualTo(n);
                out.put(channel, sums(row));
            }
        }
        return out;
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (var p : params) spec = spec.param(p);
        return spec.query(Long.class).single();
    }

    String zone() {
        return clock.getZone().getId();
    }

    static java.util.List<Long> sums(Figures.Row r) {
        return java.util.List.of(r.submitted(), r.zeroVisit(), r.concluded(), r.onTime(), r.late(), r.handlingDays());
    }
}
