package org.tongban.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.IntegrationTest;
import org.tongban.audit.AuditManagement;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseConcluded;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.notifications.NotificationManagement;
import org.tongban.platform.PlatformCalendar;
import org.tongban.platform.PlatformManagement;

/**
 * 好差评 end to end: cases concluded on the real engine become rateable; the applicant rates once; a bad rating
 * opens a rectification for the department, which follows up, answers and closes; managers see statistics.
 */
class RatingTests extends IntegrationTest {

    static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    RatingManagement ratings;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    PlatformCalendar calendar;

    @Autowired
    PlatformManagement platform;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditManagement audit;

    private static final Map<String, UUID> ACCOUNTS = new HashMap<>();

    private static UUID accountOf(String login) {
        return ACCOUNTS.computeIfAbsent(login, l -> {
            var me = signedIn(l).json("GET", "/api/v1/me", null).body();
            return UUID.fromString(me.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
        });
    }

    /** Files 个体工商户设立登记 (广州市市场监督管理局, where the demo official works) for the citizen applicant. */
    private String file(UUID applicant) {
        var item = catalog.search(ItemSearch.of("个体工商户设立登记")).getFirst().code();
        return cases.submit(org.tongban.cases.Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
    }

    /** A case of the applicant taken to its conclusion by the department, and the ratings module told of it. */
    private String concludedCase(UUID applicant) {
        var number = file(applicant);
        var official = accountOf("official");
        handling.act(official, number, CaseAction.ACCEPT, "材料齐全");
        handling.act(official, number, CaseAction.REVIEWED, "");
        handling.act(accountOf("official2"), number, CaseAction.APPROVE, "准予变更");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> ratings.view(number, applicant) != null);
        return number;
    }

    private static RateCase rating(String number, UUID rater, int level) {
        return new RateCase(number, rater, level, level, 4, 3, level, 5, "窗口指引不清楚");
    }

    private static String json(int level) {
        return """
                {"level": %d, "overall": %d, "efficiency": 4, "guideAccuracy": 4, "convenience": 5, "usability": 5,
                 "comment": "办事很顺利"}""".formatted(level, level);
    }

    private static LocalDate today() {
        return LocalDate.now(PROVINCE);
    }

    @Test
    void aConcludedCaseIsRateableAndTheRatingIsAccepted() {
        var citizen = accountOf("citizen");
        var number = concludedCase(citizen);
        assertThat(notifications.messagesFor(citizen, 50)).anySatisfy(m -> {
            assertThat(m.templateKey()).isEqualTo("ratings.message.invite");
            assertThat(m.args()).containsExactly(number);
        });

        var web = signedIn("citizen");
        var page = web.get("/ratings/cases/" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(number)
                .contains("个体工商户设立登记")
                .contains("广州市市场监督管理局")
                .contains("<legend>办事指南精确度</legend>")
                .contains("name=\"usability\"");

        var answer = web.json("POST", "/api/v1/ratings/cases/" + number, json(5));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).contains("\"level\":5").contains("办事很顺利").doesNotContain("\"rectification\"");
        var view = ratings.view(number, citizen);
        assertThat(view.rating()).isNotNull();
        assertThat(view.rating().guideAccuracy()).isEqualTo(4);
        assertThat(view.rectification()).isNull();
        assertThat(web.get("/ratings/cases/" + number).body()).contains("非常满意").doesNotContain("id=\"rating-form\"");
    }

    void awaitDelivered(String number) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from events.event_publication
                 where completion_date is null and serialized_event like :n""")
                                .param("n", "%" + number + "%")
                                .query(Long.class)
                                .single())
                        .isZero());
    }

    @Test
    void aRedeliveredConclusionDoesNotDuplicateTheRateableCaseOrTheInvitation() {
        var applicant = UUID.randomUUID();
        var number = "TEST-" + UUID.randomUUID();
        var event = new CaseConcluded(
                number,
                "440100-SCJG-001",
                1,
                "测试事项",
                "Test item",
                "440100-SCJG",
                "广州市市场监督管理局",
                "Guangzhou Administration for Market Regulation",
                applicant,
                "APPROVED",
                "APPROVAL",
                null,
                UUID.randomUUID().toString(),
                Instant.now(),
                Instant.now());
        transactions.executeWithoutResult(s -> events.publishEvent(event));
        awaitDelivered(number);
        // Redelivery as it happens: a node died after the listeners ran but before their publications were marked
        // complete, and the registry hands the same publications to the listeners again (at start-up, or when an
        // operator resubmits). Publishing the event a second time instead makes two identical publications, which
        // Spring Modulith matches to listeners by their serialized form, so one of them could stay incomplete.
        jdbc.sql("""
                update events.event_publication set completion_date = null, status = 'FAILED'
                 where serialized_event like :n""").param("n", "%" + number + "%").update();
        incomplete.resubmitIncompletePublications(
                p -> p.getEvent() instanceof CaseConcluded c && c.number().equals(number));
        awaitDelivered(number);
        assertThat(ratings.view(number, applicant).caseNumber()).isEqualTo(number);
        assertThat(notifications.messagesFor(applicant, 10)).hasSize(1);
    }

    @Test
    void aBadRatingOpensARectificationDueInWorkingDaysFromTheSetting() {
        var citizen = accountOf("citizen");
        var operator = accountOf("operator");
        try {
            platform.change(RatingManagement.DEADLINE_SETTING, "3", operator);
            assertThat(ratings.deadlineDays()).isEqualTo(3);
            var number = concludedCase(citizen);
            ratings.rate(rating(number, citizen, 2));

            var open = ratings.openRectifications(accountOf("official")).stream()
                    .filter(r -> r.caseNumber().equals(number))
                    .findFirst()
                    .orElseThrow();
            assertThat(open.deadline()).isEqualTo(calendar.addWorkingDays(today(), 3));
            assertThat(calendar.workingDaysBetween(today(), open.deadline())).isEqualTo(3);
            assertThat(calendar.isWorkingDay(open.deadline())).isTrue();
            assertThat(open.overdue()).isFalse();
            assertThat(open.level()).isEqualTo(2);
            assertThat(ratings.view(number, citizen).rectification().status()).isEqualTo("OPEN");

            platform.change(RatingManagement.DEADLINE_SETTING, "xx", operator);
            assertThat(ratings.deadlineDays()).isEqualTo(5);
        } finally {
            platform.change(RatingManagement.DEADLINE_SETTING, "5", operator);
        }
    }

    @Test
    void theDepartmentFollowsUpAnswersAndClosesAndTheApplicantSeesTheAnswer() {
        var citizen = accountOf("citizen");
        var number = concludedCase(citizen);
        ratings.rate(rating(number, citizen, 1));
        var id = ratings.openRectifications(accountOf("official")).stream()
                .filter(r -> r.caseNumber().equals(number))
                .findFirst()
                .orElseThrow()
                .id();

        var official = signedIn("official");
        assertThat(official.get("/office").body()).contains("/office/rectifications");
        assertThat(official.get("/office/rectifications").body())
                .contains(number)
                .contains("非常不满意");
        var detail = official.get("/office/rectifications/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("窗口指引不清楚");

        // Closing before answering is refused with a message, the rectification stays open.
        assertThat(official.post("/office/rectifications/" + id + "/close", Map.of())
                        .body())
                .contains("请先填写整改情况或说明");
        official.get("/office/rectifications/" + id);
        assertThat(official.post("/office/rectifications/" + id + "/follow-ups", Map.of("note", ""))
                        .body())
                .contains("请选择或填写此项");
        official.get("/office/rectifications/" + id);
        assertThat(official.post("/office/rectifications/" + id + "/follow-ups", Map.of("note", "已电话回访申请人"))
                        .location())
                .isEqualTo("/office/rectifications/" + id);
        official.get("/office/rectifications/" + id);
        assertThat(official.post("/office/rectifications/" + id + "/response", Map.of("response", "已在办事指南中补充窗口位置说明"))
                        .location())
                .isEqualTo("/office/rectifications/" + id);
        official.get("/office/rectifications/" + id);
        assertThat(official.post("/office/rectifications/" + id + "/close", Map.of())
                        .location())
                .isEqualTo("/office/rectifications/" + id);

        var closed = ratings.rectification(accountOf("official"), id);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.followUps())
                .extracting(RectificationView.FollowUp::note)
                .containsExactly("已电话回访申请人");
        assertThat(ratings.openRectifications(accountOf("official")))
                .extracting(RectificationSummary::id)
                .doesNotContain(id);
        assertThatThrownBy(() -> ratings.respond(accountOf("official"), id, "再次回复"))
                .isInstanceOfSatisfying(
                        RatingRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ratings.error.closed"));

        var applicant = signedIn("citizen");
        assertThat(applicant.get("/ratings/cases/" + number).body())
                .contains("已在办事指南中补充窗口位置说明")
                .contains("已办结");
        assertThat(applicant
                        .json("GET", "/api/v1/ratings/cases/" + number, null)
                        .body())
                .contains("已在办事指南中补充窗口位置说明")
                .contains("\"status\":\"CLOSED\"");
        assertThat(notifications.messagesFor(citizen, 50)).anySatisfy(m -> {
            assertThat(m.templateKey()).isEqualTo("ratings.message.responded");
            assertThat(m.args()).containsExactly(number);
        });
    }

    @Test
    void anotherCitizenCannotRateTheApplicantsCase() {
        var number = concludedCase(accountOf("citizen"));
        var other = signedIn("citizen2");
        other.get("/citizen");
        assertThat(other.get("/ratings/cases/" + number).status()).isEqualTo(404);
        var answer = other.json("POST", "/api/v1/ratings/cases/" + number, json(1));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("没有找到该办件");
        assertThat(ratings.view(number, accountOf("citizen")).rated()).isFalse();
    }

    @Test
    void ratingTwiceIsRefused() {
        var citizen = accountOf("citizen");
        var number = concludedCase(citizen);
        var web = signedIn("citizen");
        web.get("/citizen");
        assertThat(web.json("POST", "/api/v1/ratings/cases/" + number, json(4)).status())
                .isEqualTo(201);
        var again = web.json("POST", "/api/v1/ratings/cases/" + number, json(1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("每件办件只能评价一次");
        web.get("/ratings/cases/" + number);
        assertThat(web.post(
                                "/ratings/cases/" + number,
                                Map.of(
                                        "level",
                                        "1",
                                        "overall",
                                        "1",
                                        "efficiency",
                                        "1",
                                        "guideAccuracy",
                                        "1",
                                        "convenience",
                                        "1",
                                        "usability",
                                        "1"))
                        .body())
                .contains("您已评价过该办件");
        assertThat(ratings.view(number, citizen).rating().level()).isEqualTo(4);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(audit.recent(200, "CASE_RATED", citizen.toString()))
                        .anySatisfy(e -> assertThat(e.subject()).isEqualTo(number)));
        assertThat(audit.recent(200, "RATING_REFUSED", citizen.toString())).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo(number);
            assertThat(e.result()).isEqualTo("DENIED");
            assertThat(e.details()).contains("ALREADY_RATED");
        });
    }

    @Test
    void aCaseNotConcludedCannotBeRated() {
        var citizen = accountOf("citizen");
        var number = file(citizen);
        var web = signedIn("citizen");
        var answer = web.english().json("POST", "/api/v1/ratings/cases/" + number, json(5));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("has not concluded yet");
        assertThat(web.get("/ratings/cases/" + number).body())
                .contains("has not concluded yet")
                .doesNotContain("id=\"rating-form\"");
    }

    @Test
    void anOfficialOfAnotherDepartmentNeitherSeesNorActsOnTheRectification() {
        var citizen = accountOf("citizen");
        var number = concludedCase(citizen);
        ratings.rate(rating(number, citizen, 2));
        var id = ratings.openRectifications(accountOf("official")).stream()
                .filter(r -> r.caseNumber().equals(number))
                .findFirst()
                .orElseThrow()
                .id();

        // The manager holds a post in 广东省政务服务和数据管理局, not in the department that handled the case.
        var elsewhere = accountOf("manager");
        assertThat(ratings.openRectifications(elsewhere))
                .extracting(RectificationSummary::id)
                .doesNotContain(id);
        assertThatThrownBy(() -> ratings.rectification(elsewhere, id)).isInstanceOf(RatingNotFoundException.class);
        assertThatThrownBy(() -> ratings.followUp(elsewhere, id, "x")).isInstanceOf(RatingNotFoundException.class);
        assertThatThrownBy(() -> ratings.respond(elsewhere, id, "x")).isInstanceOf(RatingNotFoundException.class);
        assertThatThrownBy(() -> ratings.close(elsewhere, id)).isInstanceOf(RatingNotFoundException.class);
        // And without the permission the pages and the API refuse outright.
        assertThat(signedIn("manager").get("/office/rectifications/" + id).status())
                .isEqualTo(403);
        assertThat(signedIn("citizen")
                        .json("GET", "/api/v1/ratings/rectifications/" + id, null)
                        .status())
                .isEqualTo(403);
        // An unknown id is not found for the right department too, so ids reveal nothing.
        assertThat(signedIn("official")
                        .get("/office/rectifications/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anInvalidLevelIsAFieldErrorAndThePageKeepsTheInput() {
        var citizen = accountOf("citizen");
        var number = concludedCase(citizen);
        var web = signedIn("citizen");
        web.get("/citizen");
        var answer = web.json("POST", "/api/v1/ratings/cases/" + number, json(7));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body())
                .contains("\"errors\"")
                .contains("\"level\":\"请在 1 至 5 之间选择。\"")
                .contains("\"overall\":\"请在 1 至 5 之间选择。\"");

        web.get("/ratings/cases/" + number);
        var page = web.post(
                "/ratings/cases/" + number,
                Map.of(
                        "overall",
                        "2",
                        "efficiency",
                        "3",
                        "guideAccuracy",
                        "4",
                        "convenience",
                        "5",
                        "usability",
                        "1",
                        "comment",
                        "保留我的意见"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"level-error\"")
                .contains("请选择或填写此项")
                .contains("保留我的意见")
                .containsPattern("id=\"efficiency-3\"[^>]*checked");
        assertThat(ratings.view(number, citizen).rated()).isFalse();
    }

    @Test
    void theStatisticsPageShowsTheDepartment() {
        var citizen = accountOf("citizen");
        var number = concludedCase(citizen);
        ratings.rate(rating(number, citizen, 1));
        var stats = ratings.statistics();
        assertThat(stats.byDepartment()).anySatisfy(row -> {
            assertThat(row.code()).isEqualTo("440100-SCJG");
            assertThat(row.ratings()).isPositive();
            assertThat(row.badShare()).isPositive();
            assertThat(row.openRectifications()).isPositive();
        });
        var manager = signedIn("manager");
        assertThat(manager.get("/console").body()).contains("/console/ratings");
        var page = manager.get("/console/ratings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("广州市市场监督管理局").contains("个体工商户设立登记").contains("差评率");
        assertThat(manager.json("GET", "/api/v1/ratings/statistics", null).body())
                .contains("440100-SCJG");
        assertThat(signedIn("official").get("/console/ratings").status()).isEqualTo(403);
    }

    @Test
    void anOverdueRectificationIsFlaggedForTheDepartmentAndInTheStatistics() {
        var citizen = accountOf("citizen");
        var number = concludedCase(citizen);
        ratings.rate(rating(number, citizen, 1));
        // Time cannot be moved forward here, so the deadline is moved back: the day before yesterday has passed.
        jdbc.sql("update ratings.rectification set deadline = :d where case_number = :n")
                .param("d", java.sql.Date.valueOf(today().minusDays(2)))
                .param("n", number)
                .update();
        var official = accountOf("official");
        var row = ratings.openRectifications(official).stream()
                .filter(r -> r.caseNumber().equals(number))
                .findFirst()
                .orElseThrow();
        assertThat(row.overdue()).isTrue();
        // Overdue ones come first: the nearest (here: passed) deadline leads the list.
        assertThat(ratings.openRectifications(official).getFirst().overdue()).isTrue();
        assertThat(signedIn("official")
                        .get("/office/rectifications/" + row.id())
                        .body())
                .contains("id=\"overdue-flag\"");
        assertThat(ratings.statistics().byDepartment()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("440100-SCJG");
            assertThat(r.overdueRectifications()).isPositive();
        });
    }

    @Test
    void anonymousCallersAreSentToSignInOrGet401() {
        var anonymous = new org.tongban.WebClient(BASE);
        assertThat(anonymous.get("/ratings/cases/X").location()).endsWith("/login");
        var answer = anonymous.json("GET", "/api/v1/ratings/cases/X", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(anonymous.get("/console/ratings").location()).endsWith("/login");
    }
}
