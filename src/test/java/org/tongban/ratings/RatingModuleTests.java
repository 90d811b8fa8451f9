package org.tongban.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.tongban.ModuleSliceTest;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.Audited;
import org.tongban.cases.CaseConcluded;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.identity.Departments;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;
import org.tongban.platform.PlatformCalendar;
import org.tongban.platform.PlatformManagement;

/**
 * 好差评 alone (a module slice, ADR 0021): the ratings module on real PostgreSQL, the modules it calls replaced by
 * mocks. A concluded case arrives as the cases module's event, as in production; every test has a department of its
 * own, so that statistics and lists count only its cases.
 */
@ModuleSliceTest
class RatingModuleTests {

    static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");

    @MockitoBean
    CaseManagement cases;
    /** The platform's one Clock lives in platform/internal, which a standalone slice does not start. */
    @org.springframework.boot.test.context.TestConfiguration
    static class PlatformClock {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
        }
    }

    @MockitoBean
    Departments identity;

    /** The rater's phone for the follow-up call of a rectification (RectificationContacts). */
    @MockitoBean
    org.tongban.identity.Persons persons;

    @MockitoBean
    PlatformManagement platform;

    @MockitoBean
    PlatformCalendar calendar;

    @MockitoBean
    NotificationManagement notifications;

    @MockitoBean
    AuditManagement audit;

    private final RatingManagement ratings;
    private final JdbcClient jdbc;

    private String department;
    private UUID official;

    RatingModuleTests(RatingManagement ratings, JdbcClient jdbc) {
        this.ratings = ratings;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void aDepartmentOfItsOwnOnAWeekdayCalendar() {
        department = "SLICE-" + UUID.randomUUID().toString().substring(24).toUpperCase(Locale.ROOT);
        official = UUID.randomUUID();
        when(identity.departmentOf(official)).thenReturn(java.util.Optional.of(department));
        when(calendar.isWorkingDay(any())).thenAnswer(call -> {
            var day = call.<LocalDate>getArgument(0).getDayOfWeek();
            return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
        });
        when(calendar.addWorkingDays(any(), anyInt())).thenCallRealMethod();
        when(platform.setting(RatingManagement.DEADLINE_SETTING)).thenReturn(Optional.empty());
    }

    private CaseConcluded concluded(UUID applicant) {
        var now = Instant.now();
        return new CaseConcluded(
                "SLICE-" + UUID.randomUUID(),
                "440100-SCJG-001",
                1,
                "个体工商户设立登记",
                "Registration of an individual business",
                department,
                "测试局",
                "Test Bureau",
                applicant,
                "APPROVED",
                "LICENCE",
                null,
                UUID.randomUUID().toString(),
                now.minusSeconds(86_400),
                now);
    }

    /** Delivers the conclusion as the cases module would, and waits until the ratings module has recorded it. */
    private String concludedCase(Scenario scenario, UUID applicant) {
        var event = concluded(applicant);
        scenario.publish(event)
                .andWaitForStateChange(() -> rateable(event.number()), count -> count == 1)
                .andVerify(count -> verify(notifications).send(argThat(invitation(applicant, event.number()))));
        return event.number();
    }

    private long rateable(String number) {
        return jdbc.sql("select count(*) from ratings.rateable_case where case_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    private static org.mockito.ArgumentMatcher<SendNotification> invitation(UUID applicant, String number) {
        return n -> n.recipient().equals(applicant)
                && n.templateKey().equals("ratings.message.invite")
                && n.args().equals(List.of(number));
    }

    private static RateCase rating(String number, UUID rater, Integer level) {
        return new RateCase(number, rater, level, level, 4, 3, level, 5, "  窗口指引不清楚  ");
    }

    private static org.mockito.ArgumentMatcher<Audited> refusal(String number, String reason) {
        return e -> e.auditCode() == RatingAudit.RATING_REFUSED
                && e.auditSubject().equals(number)
                && reason.equals(e.auditDetails().get("reason"));
    }

    @Test
    void aRedeliveredConclusionRecordsTheCaseAndInvitesTheApplicantOnlyOnce(Scenario scenario) {
        var applicant = UUID.randomUUID();
        var event = concluded(applicant);
        scenario.publish(event)
                .andWaitForStateChange(() -> rateable(event.number()), count -> count == 1)
                .andVerify(count -> assertThat(count).isOne());
        // The second delivery is done when its publication is complete: nothing of it may be left outstanding.
        scenario.publish(event)
                .andWaitForStateChange(
                        () -> jdbc.sql("""
                select count(*) from events.event_publication
                 where completion_date is null and serialized_event like :n""")
                                .param("n", "%" + event.number() + "%")
                                .query(Long.class)
                                .single(),
                        count -> count == 0)
                .andVerify(outstanding -> assertThat(outstanding).isZero());
        assertThat(rateable(event.number())).isOne();
        verify(notifications, times(1)).send(argThat(invitation(applicant, event.number())));
    }

    @Test
    void theApplicantRatesAConcludedCaseOnceAndASecondRatingIsRefused(Scenario scenario) {
        var applicant = UUID.randomUUID();
        var number = concludedCase(scenario, applicant);
        assertThat(ratings.view(number, applicant).rated()).isFalse();

        scenario.stimulate(() -> ratings.rate(rating(number, applicant, 5)))
                .andWaitForEventOfType(CaseRated.class)
                .matching(e -> e.caseNumber().equals(number))
                .toArriveAndVerify(e -> {
                    assertThat(e.level()).isEqualTo(5);
                    assertThat(e.departmentCode()).isEqualTo(department);
                    assertThat(e.indicators())
                            .containsOnlyKeys("overall", "efficiency", "guideAccuracy", "convenience", "usability");
                    assertThat(e.bad()).isFalse();
                });
        var view = ratings.view(number, applicant);
        assertThat(view.rating().level()).isEqualTo(5);
        assertThat(view.rating().comment()).isEqualTo("窗口指引不清楚");
        // A good rating opens no rectification.
        assertThat(view.rectification()).isNull();
        assertThat(ratings.openRectifications(official)).isEmpty();

        assertThatThrownBy(() -> ratings.rate(rating(number, applicant, 1)))
                .isInstanceOf(RatingRefusedException.class)
                .hasMessageContaining("ratings.error.alreadyRated");
        assertThat(ratings.view(number, applicant).rating().level()).isEqualTo(5);
        verify(audit).recordNow(argThat(refusal(number, "ALREADY_RATED")));
    }

    /**
     * Issue 11, finding 7: the level is the one question everybody answers (整体满意度 is the level), the
     * indicators are optional, and a 差评 says why with at least one indicator at 1 or 2. Before, all six scores
     * were required.
     */
    @Test
    void aGoodRatingNeedsOnlyTheLevelAndABadOneNamesItsReason(Scenario scenario) {
        var applicant = UUID.randomUUID();
        var good = concludedCase(scenario, applicant);
        scenario.stimulate(() -> ratings.rate(new RateCase(good, applicant, 4, null, null, null, null, null, null)))
                .andWaitForEventOfType(CaseRated.class)
                .matching(e -> e.caseNumber().equals(good))
                .toArriveAndVerify(e -> assertThat(e.indicators()).containsOnly(java.util.Map.entry("overall", 4)));
        var stored = ratings.view(good, applicant).rating();
        assertThat(stored.level()).isEqualTo(4);
        assertThat(stored.overall()).isEqualTo(4);
        assertThat(stored.efficiency()).isNull();

        var bad = concludedCase(scenario, applicant);
        assertThatThrownBy(() -> ratings.rate(new RateCase(bad, applicant, 2, null, 4, null, null, null, "不好")))
                .isInstanceOfSatisfying(
                        InvalidRatingException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsExactly(java.util.Map.entry("reasons", "ratings.error.reasonRequired")));
        assertThat(ratings.view(bad, applicant).rated()).isFalse();
        ratings.rate(new RateCase(bad, applicant, 2, null, null, 1, null, null, null));
        var view = ratings.view(bad, applicant);
        assertThat(view.rating().guideAccuracy()).isEqualTo(1);
        assertThat(view.rectification()).isNotNull();
    }

    @Test
    void aCaseNotYetConcludedIsRefusedAndAnotherApplicantsCaseIsNotFound(Scenario scenario) {
        var applicant = UUID.randomUUID();
        var pending = "SLICE-" + UUID.randomUUID();
        // The applicant's own case, still being handled: the cases module knows it, ratings does not yet.
        assertThatThrownBy(() -> ratings.rate(rating(pending, applicant, 4)))
                .isInstanceOf(RatingRefusedException.class)
                .hasMessageContaining("ratings.error.notConcluded");
        verify(audit).recordNow(argThat(refusal(pending, "NOT_CONCLUDED")));

        var number = concludedCase(scenario, applicant);
        var stranger = UUID.randomUUID();
        when(cases.mine(number, stranger)).thenThrow(new CaseNotFoundException(number));
        assertThatThrownBy(() -> ratings.rate(rating(number, stranger, 1))).isInstanceOf(RatingNotFoundException.class);
        assertThatThrownBy(() -> ratings.view(number, stranger)).isInstanceOf(RatingNotFoundException.class);
        verify(audit).recordNow(argThat(refusal(number, "NOT_FOUND")));
        assertThat(ratings.view(number, applicant).rated()).isFalse();
    }

    @Test
    void scoresOutsideOneToFiveOrMissingAreFieldErrorsAndNothingIsStored(Scenario scenario) {
        var applicant = UUID.randomUUID();
        var number = concludedCase(scenario, applicant);
        var bad = new RateCase(number, applicant, 7, null, 0, 3, 4, 5, "好".repeat(RateCase.COMMENT_MAX + 1));
        assertThatThrownBy(() -> ratings.rate(bad))
                .isInstanceOfSatisfying(
                        InvalidRatingException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                                        "level",
                                        "ratings.error.range",
                                        "efficiency",
                                        "ratings.error.range",
                                        "comment",
                                        "ratings.error.commentTooLong")));
        assertThat(ratings.view(number, applicant).rated()).isFalse();
        verify(audit).recordNow(argThat(refusal(number, "INVALID")));
    }

    @Test
    void aBadRatingOpensARectificationThatTheDepartmentFollowsUpAnswersAndCloses(Scenario scenario) {
        when(platform.setting(RatingManagement.DEADLINE_SETTING)).thenReturn(Optional.of(" 3 "));
        var applicant = UUID.randomUUID();
        var number = concludedCase(scenario, applicant);
        ratings.rate(rating(number, applicant, 2));

        var open = ratings.openRectifications(official);
        assertThat(open).singleElement().satisfies(r -> {
            assertThat(r.caseNumber()).isEqualTo(number);
            assertThat(r.level()).isEqualTo(2);
            assertThat(r.deadline()).isEqualTo(calendar.addWorkingDays(LocalDate.now(PROVINCE), 3));
            assertThat(r.deadline().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(r.overdue()).isFalse();
        });
        var id = open.getFirst().id();
        assertThat(ratings.view(number, applicant).rectification().status()).isEqualTo("OPEN");

        // Closing before answering is refused; a blank note is a field error.
        assertThatThrownBy(() -> ratings.close(official, id))
                .isInstanceOf(RatingRefusedException.class)
                .hasMessageContaining("ratings.error.responseRequired");
        assertThatThrownBy(() -> ratings.followUp(official, id, "  "))
                .isInstanceOfSatisfying(
                        InvalidRatingException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("note", "ratings.error.required"));

        ratings.followUp(official, id, "已电话回访申请人");
        ratings.respond(official, id, "已在办事指南中补充窗口位置说明");
        verify(notifications)
                .send(argThat(n -> n.recipient().equals(applicant)
                        && n.templateKey().equals("ratings.message.responded")
                        && n.args().equals(List.of(number))));
        ratings.close(official, id);

        var closed = ratings.rectification(official, id);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.followUps())
                .extracting(RectificationView.FollowUp::note)
                .containsExactly("已电话回访申请人");
        assertThat(ratings.openRectifications(official)).isEmpty();
        assertThat(ratings.view(number, applicant).rectification().response()).isEqualTo("已在办事指南中补充窗口位置说明");
        assertThatThrownBy(() -> ratings.respond(official, id, "再次回复"))
                .isInstanceOf(RatingRefusedException.class)
                .hasMessageContaining("ratings.error.closed");
    }

    @Test
    void anOfficialOfAnotherDepartmentNeitherSeesNorActsOnTheRectification(Scenario scenario) {
        var applicant = UUID.randomUUID();
        var number = concludedCase(scenario, applicant);
        ratings.rate(rating(number, applicant, 1));
        var id = ratings.openRectifications(official).getFirst().id();

        var elsewhere = UUID.randomUUID();
        when(identity.departmentOf(elsewhere)).thenReturn(java.util.Optional.of(department + "X"));
        var citizen = UUID.randomUUID();
        when(identity.departmentOf(citizen)).thenReturn(java.util.Optional.empty());

        for (var outsider : List.of(elsewhere, citizen)) {
            assertThat(ratings.openRectifications(outsider))
                    .extracting(RectificationSummary::id)
                    .doesNotContain(id);
            assertThatThrownBy(() -> ratings.rectification(outsider, id)).isInstanceOf(RatingNotFoundException.class);
            assertThatThrownBy(() -> ratings.followUp(outsider, id, "x")).isInstanceOf(RatingNotFoundException.class);
            assertThatThrownBy(() -> ratings.respond(outsider, id, "x")).isInstanceOf(RatingNotFoundException.class);
            assertThatThrownBy(() -> ratings.close(outsider, id)).isInstanceOf(RatingNotFoundException.class);
        }
        assertThat(ratings.rectification(official, id).open()).isTrue();
    }

    @Test
    void theStatisticsCountTheDepartmentsRatingsBadShareAndOverdueRectifications(Scenario scenario) {
        var applicant = UUID.randomUUID();
        var good = concludedCase(scenario, applicant);
        var bad = concludedCase(scenario, applicant);
        ratings.rate(rating(good, applicant, 5));
        ratings.rate(rating(bad, applicant, 1));
        // Time does not move here, so the deadline is moved back instead: the day before yesterday has passed.
        jdbc.sql("update ratings.rectification set deadline = :d where case_number = :n")
                .param("d", java.sql.Date.valueOf(LocalDate.now(PROVINCE).minusDays(2)))
                .param("n", bad)
                .update();

        assertThat(ratings.statistics().byDepartment())
                .filteredOn(row -> row.code().equals(department))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.ratings()).isEqualTo(2);
                    assertThat(row.badShare()).isEqualTo(0.5);
                    assertThat(row.openRectifications()).isOne();
                    assertThat(row.overdueRectifications()).isOne();
                });
        assertThat(ratings.openRectifications(official))
                .singleElement()
                .satisfies(r -> assertThat(r.overdue()).isTrue());
    }
}
