package org.tongban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.TongbanApplication;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.internal.InboxRow;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.identity.Departments;
import org.tongban.workflow.WorkflowManagement;

/**
 * The seeding tool on a small scale, in a platform of its own (its own embedded database, so that the copies do not
 * reach the other tests' inboxes and catalogue): what it writes is what the engine writes, so seeded cases show in
 * the officials' inbox and the real engine takes them to their end.
 */
@Tag("platform")
class SeedTests {

    static ConfigurableApplicationContext context;
    static Seeder seeder;
    static List<Seeder.Template> templates;
    static long added;

    @BeforeAll
    static void seed() {
        // A database of its own (embedded, even when CI points the other tests at the machine's PostgreSQL): the
        // counts below are of everything in it.
        context = new SpringApplicationBuilder(TongbanApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--tongban.security.issuer=http://localhost",
                        "--spring.datasource.url=",
                        // The seeder writes in bulk into tables of its own, which the application's role may not
                        // create.
                        "--spring.datasource.username=postgres");
        seeder = new Seeder(context);
        templates = seeder.templates();
        added = seeder.copy(templates, 600, 2, line -> {});
    }

    @AfterAll
    static void stop() {
        if (context != null) context.close();
    }

    @Test
    void copiesHaveTheirOwnCasesProcessesTasksAndCandidateLinks() {
        var jdbc = context.getBean(JdbcClient.class);
        assertThat(added).isGreaterThanOrEqualTo(600);
        long tasks = jdbc.sql("select count(*) from workflow.act_ru_task")
                .query(Long.class)
                .single();
        long links = jdbc.sql(
                        "select count(*) from workflow.act_ru_identitylink where type_ = 'candidate' and task_id_ is not null")
                .query(Long.class)
                .single();
        long processes = jdbc.sql("select count(*) from workflow.act_ru_execution where parent_id_ is null")
                .query(Long.class)
                .single();
        long cases = jdbc.sql("select count(*) from cases.case_file where concluded_at is null")
                .query(Long.class)
                .single();
        assertThat(links).isEqualTo(tasks);
        assertThat(processes).isEqualTo(cases);
        // every copied process is keyed by a case of its own, in the item's department
        assertThat(jdbc.sql("""
                select count(*) from workflow.act_ru_execution e left join cases.case_file c on c.number = e.business_key_
                 where e.parent_id_ is null and c.number is null""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(distinct number) = count(*) from cases.case_file")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void seededCasesShowInTheInboxAndTheRealEngineCompletesThem() {
        var identity = context.getBean(Departments.class);
        var handling = context.getBean(CaseHandling.class);
        var official = identity.officialsOf("440100-SCJG").getFirst();
        var inbox = handling.inbox(official);
        // oldest first: the copies were submitted before the templates, over the last 180 days
        assertThat(inbox).isNotEmpty();
        assertThat(inbox.getFirst().submittedAt()).isBefore(templates.getFirst().submittedAt());
        assertThat(inbox.stream()
                        .map(InboxRow::caseNumber)
                        .filter(n ->
                                templates.stream().noneMatch(t -> t.number().equals(n))))
                .isNotEmpty();

        var done = seeder.completeCopies();
        assertThat(done).hasSize(2);
        var workflow = context.getBean(WorkflowManagement.class);
        var jdbc = context.getBean(JdbcClient.class);
        for (var number : done) {
            assertThat(workflow.ended(number)).isTrue();
            assertThat(jdbc.sql("select status from cases.case_file where number = :n")
                            .param("n", number)
                            .query(String.class)
                            .single())
                    .isEqualTo("APPROVED");
        }
    }

    @Test
    void theCatalogueGrowsWithTheDemoItemsOfOtherRegions() {
        var catalog = context.getBean(CatalogManagement.class);
        int before =
                catalog.search(new ItemSearch("", null, null, null, false, 200)).size();
        assertThat(seeder.catalogue(before + 70)).isEqualTo(70);
        var shaoguan = catalog.search(new ItemSearch("", null, "440200-SCJG", null, false, 200));
        assertThat(shaoguan).isNotEmpty().allSatisfy(i -> {
            assertThat(i.departmentZh()).isEqualTo("韶关市市场监督管理局");
            assertThat(i.code()).startsWith("440200-SCJG-");
        });
        // pinyin initials carry over with the names
        assertThat(catalog.search(new ItemSearch("yyzz", null, "440200-SCJG", null, false, 200)))
                .isNotEmpty();
        assertThat(catalog.guide(shaoguan.getFirst().code()).orElseThrow().materials())
                .isNotEmpty();
    }
}
