package org.tongban.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.DutiesSeparatedException;
import org.tongban.shared.HolidayCalendar;
import org.tongban.workflow.TaskSummary;

/** The case's transitions on their own, without Spring, a database or the engine: what each allows and refuses. */
class CaseTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    // Wednesday 30 September 2026, before National Day (1–7 October off, Saturday 10 October worked).
    static final Instant NOW =
            LocalDate.of(2026, 9, 30).atTime(10, 0).atZone(CHINA).toInstant();
    final HolidayCalendar calendar = new HolidayCalendar(
            Set.of(
                    LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 10, 2),
                    LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6),
                    LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10)));
    final TimeLimits limits = new TimeLimits(calendar, Clock.fixed(NOW, CHINA));
    final UUID applicant = UUID.randomUUID();
    static final String OFFICIAL = "official-1";
    static final String DEPARTMENT = "440100-SCJG";

    Case submitted() {
        return new Case(row(CaseStatus.SUBMITTED, null, null, null), null);
    }

    Case accepted(CaseStatus status) {
        return new Case(
                row(status, NOW.minusSeconds(86_400), LocalDate.of(2026, 10, 16), LocalDate.of(2026, 10, 20)), null);
    }

    CaseRow row(CaseStatus status, @Nullable Instant acceptedAt, @Nullable LocalDate warn, @Nullable LocalDate due) {
        return new CaseRow(
                "440100-SC-001-20260930-0001",
                "440100-SC-001",
                1,
                DEPARTMENT,
                List.of(),
                applicant,
                status,
                Map.of("name", "张三"),
                NOW.minusSeconds(172_800),
                acceptedAt,
                acceptedAt == null ? null : 10,
                acceptedAt == null ? null : "WORKING_DAY",
                warn,
                due,
                null,
                null,
                "standardApproval",
                false,
                false,
                null,
                null,
                null,
                null,
                null, // a person's own case: no enterprise is its applicant party
                null);
    }

    Case.Acted act(Case kase, String step, CaseAction action, @Nullable String opinion) {
        return kase.act(
                step,
                action,
                opinion,
                () -> false,
                OFFICIAL,
                DEPARTMENT,
                NOW,
                () -> new Case.Promise(10, "WORKING_DAY"),
                limits);
    }

    static void refused(Runnable transition, String key) {
        assertThatThrownBy(transition::run)
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void acceptanceStartsTheTimeLimitOnTheWorkingDayCalendarAndSetsTheTimers() {
        var kase = submitted();
        var acted = act(kase, "accept", CaseAction.ACCEPT, "材料齐全");
        assertThat(acted.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(acted.moved()).isTrue();
        assertThat(acted.concluded()).isFalse();
        assertThat(acted.decision())
                .containsEntry("outcome", "ACCEPT")
                .containsEntry(
                        "warnAt",
                        LocalDate.of(2026, 10, 16).atTime(9, 0).atZone(CHINA).toInstant())
                .containsEntry(
                        "dueAt", LocalDate.of(2026, 10, 21).atStartOfDay(CHINA).toInstant());
        assertThat(kase.isAccepted()).isTrue();
        assertThat(kase.deadline(limits)).isEqualTo(DeadlineState.ON_TRACK);
        assertThat(kase.changes())
                .extracting(c -> c.getClass().getSimpleName())
                .containsExactly("Accepted", "Moved", "Stepped");
    }

    @Test
    void aStepRefusesTheActionsOfAnotherStep() {
        refused(() -> act(submitted(), "accept", CaseAction.APPROVE, "准予"), "cases.error.actionNotAllowed");
        refused(
                () -> act(accepted(CaseStatus.ACCEPTED), "review", CaseAction.DENY, "不予"),
                "cases.error.actionNotAllowed");
        // A step of an uploaded model: review-like; a decide… step decides.
        assertThat(Case.actionsAt("inspectSite")).containsExactlyInAnyOrder(CaseAction.REVIEWED, CaseAction.RETURN);
        assertThat(Case.actionsAt("decideFinal")).contains(CaseAction.APPROVE, CaseAction.DENY);
    }

    @Test
    void refusalsAndCorrectionsMustSayWhy() {
        refused(() -> act(submitted(), "accept", CaseAction.REFUSE, "  "), "cases.error.opinionRequired");
        refused(() -> act(submitted(), "accept", CaseAction.REQUEST_CORRECTION, null), "cases.error.opinionRequired");
        refused(() -> act(submitted(), "accept", CaseAction.REFUSE, "长".repeat(1001)), "cases.error.opinionTooLong");
    }

    @Test
    void aRefusalAtAcceptanceConcludesTheCaseAndNothingMoreIsAllowed() {
        var kase = submitted();
        var acted = act(kase, "accept", CaseAction.REFUSE, "不属于本部门职责");
        assertThat(acted.status()).isEqualTo(CaseStatus.NOT_ACCEPTED);
        assertThat(acted.concluded()).isTrue();
        assertThat(acted.reasons()).isEqualTo("不属于本部门职责");
        assertThat(kase.isConcluded()).isTrue();
        refused(() -> act(kase, "accept", CaseAction.ACCEPT, null), "cases.error.concluded");
        refused(() -> kase.withdraw(applicant, null, NOW), "cases.error.notWithdrawable");
        refused(() -> kase.urge("admin", DEPARTMENT, true, null), "cases.error.concluded");
    }

    @Test
    void whoAcceptedOrReviewedMayNotDecide() {
        var kase = accepted(CaseStatus.IN_PROCESS);
        assertThatThrownBy(() -> kase.act(
                        "decide",
                        CaseAction.APPROVE,
                        "准予",
                        () -> true,
                        OFFICIAL,
                        DEPARTMENT,
                        NOW,
                        () -> new Case.Promise(10, "WORKING_DAY"),
                        limits))
                .isInstanceOf(DutiesSeparatedException.class);
        assertThatThrownBy(() -> kase.mayTake("decide", () -> true)).isInstanceOf(DutiesSeparatedException.class);
        // Returning the case is no decision; and someone else decides.
        assertThat(kase.act(
                                "decide",
                                CaseAction.RETURN,
                                "请补充",
                                () -> true,
                                OFFICIAL,
                                DEPARTMENT,
                                NOW,
                                () -> new Case.Promise(10, "WORKING_DAY"),
                                limits)
                        .status())
                .isEqualTo(CaseStatus.IN_PROCESS);
        var decision = act(accepted(CaseStatus.IN_PROCESS), "decide", CaseAction.APPROVE, "准予");
        assertThat(decision.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(decision.concluded()).isTrue();
    }

    @Test
    void theApplicantWithdrawsOnlyBeforeAcceptance() {
        var kase = submitted();
        kase.withdraw(applicant, " 不再需要 ", NOW);
        assertThat(kase.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(kase.isConcluded()).isTrue();
        assertThat(kase.changes())
                .extracting(c -> c.getClass().getSimpleName())
                .containsExactly("Moved", "Concluded", "Stepped");
        refused(() -> accepted(CaseStatus.ACCEPTED).withdraw(applicant, null, NOW), "cases.error.notWithdrawable");
        refused(() -> submitted().withdraw(applicant, "长".repeat(501), NOW), "cases.error.opinionTooLong");
    }

    @Test
    void aCorrectionAfterAcceptancePausesTheClockAndTheAnswerResumesIt() {
        var kase = accepted(CaseStatus.ACCEPTED);
        assertThat(act(kase, "review", CaseAction.REQUEST_CORRECTION, "请补充材料").status())
                .isEqualTo(CaseStatus.CORRECTION_REQUESTED);
        assertThat(kase.pause()).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(PauseKind.CORRECTION));
        assertThat(kase.deadline(limits)).isEqualTo(DeadlineState.PAUSED);
        // Paused: no official's action, and no special procedure on top.
        refused(() -> act(kase, "review", CaseAction.REVIEWED, null), "cases.error.paused");
        refused(() -> kase.endSpecial("结果", OFFICIAL, DEPARTMENT, NOW, limits), "cases.error.notPaused");

        assertThat(kase.correct(applicant, Map.of("name", "张三"), NOW, limits)).isEqualTo(CaseStatus.IN_PROCESS);
        assertThat(kase.pause()).isEmpty();
        assertThat(kase.deadline(limits)).isEqualTo(DeadlineState.ON_TRACK);
        refused(() -> kase.correct(applicant, Map.of(), NOW, limits), "cases.error.noCorrection");
    }

    @Test
    void aCorrectionBeforeAcceptanceReturnsTheCaseToAcceptance() {
        var kase = submitted();
        act(kase, "accept", CaseAction.REQUEST_CORRECTION, "请补充");
        assertThat(kase.pause()).isEmpty();
        assertThat(kase.correct(applicant, Map.of(), NOW, limits)).isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void aSpecialProcedureNeedsAnAcceptedCaseAKindAndAReason() {
        refused(() -> submitted().startSpecial("HEARING", "听证", OFFICIAL, DEPARTMENT, NOW), "cases.error.notAccepted");
        refused(
                () -> accepted(CaseStatus.ACCEPTED).startSpecial("CORRECTION", "x", OFFICIAL, DEPARTMENT, NOW),
                "cases.error.specialKind");
        refused(
                () -> accepted(CaseStatus.ACCEPTED).startSpecial("HEARING", " ", OFFICIAL, DEPARTMENT, NOW),
                "cases.error.opinionRequired");

        var kase = accepted(CaseStatus.ACCEPTED);
        kase.startSpecial("INSPECTION", "现场检验检测", OFFICIAL, DEPARTMENT, NOW);
        assertThat(kase.status()).isEqualTo(CaseStatus.SPECIAL_PROCEDURE);
        refused(() -> kase.startSpecial("HEARING", "听证", OFFICIAL, DEPARTMENT, NOW), "cases.error.paused");
        refused(() -> kase.endSpecial(null, OFFICIAL, DEPARTMENT, NOW, limits), "cases.error.opinionRequired");
        assertThat(kase.endSpecial("检验合格", OFFICIAL, DEPARTMENT, NOW, limits)).isEqualTo(CaseStatus.ACCEPTED);
    }

    @Test
    void theOfficialIsOfferedWhatTheStepAllows() {
        var task = new TaskSummary("t1", "n", "decide", "决定", DEPARTMENT, null, NOW);
        assertThat(accepted(CaseStatus.IN_PROCESS).actionsFor(task, OFFICIAL, () -> false))
                .containsExactly(
                        CaseAction.CLAIM,
                        CaseAction.RETURN,
                        CaseAction.APPROVE,
                        CaseAction.DENY,
                        CaseAction.TRANSFER,
                        CaseAction.ADD_CO_SIGNER,
                        CaseAction.START_SPECIAL);
        // Who reviewed the case may return it or hand it on, not decide, claim or ask a co-signer.
        assertThat(accepted(CaseStatus.IN_PROCESS).actionsFor(task, OFFICIAL, () -> true))
                .containsExactly(CaseAction.RETURN, CaseAction.TRANSFER, CaseAction.START_SPECIAL);
        var claimedByOther = new TaskSummary("t1", "n", "decide", "决定", DEPARTMENT, "someone-else", NOW);
        assertThat(accepted(CaseStatus.IN_PROCESS).actionsFor(claimedByOther, OFFICIAL, () -> false))
                .containsExactly(CaseAction.START_SPECIAL);
        assertThat(submitted().actionsFor(null, OFFICIAL, () -> false)).isEmpty();
    }

    @Test
    void aReminderIsDueOncePerDeadline() {
        var atRisk = new Case(
                row(
                        CaseStatus.ACCEPTED,
                        NOW.minusSeconds(86_400),
                        LocalDate.of(2026, 9, 30),
                        LocalDate.of(2026, 10, 20)),
                null);
        assertThat(atRisk.remind(true, limits)).isFalse(); // not overdue yet
        assertThat(atRisk.remind(false, limits)).isTrue();
        assertThat(atRisk.remind(false, limits)).isFalse(); // told already
        assertThat(accepted(CaseStatus.ACCEPTED).remind(false, limits)).isFalse(); // on track: the deadline moved
    }
}
