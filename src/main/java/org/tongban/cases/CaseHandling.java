package org.tongban.cases;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.tongban.cases.internal.ActOnCase;
import org.tongban.cases.internal.CaseMaterialView;
import org.tongban.cases.internal.ClaimTask;
import org.tongban.cases.internal.HandOnTask;
import org.tongban.cases.internal.InboxRow;
import org.tongban.cases.internal.InboxSearch;
import org.tongban.cases.internal.OfficeCaseView;
import org.tongban.cases.internal.OfficeQueries;
import org.tongban.cases.internal.PauseKind;
import org.tongban.cases.internal.SpecialProcedures;
import org.tongban.cases.internal.UrgeCase;
import org.tongban.identity.StaffView;
import org.tongban.workflow.ProcessStep;

/**
 * The officials' side of a case: the department's inbox, the case detail, and the actions at each step. An
 * official acts only on cases their department takes part in (another department's case is not found) and only
 * with the actions of the step waiting at their department. The case's status, its timeline, its time limit and
 * the process move in one transaction, with the case row locked so two officials acting at once take turns.
 *
 * <p>Each operation is a use case of {@code internal/}, where the {@link org.tongban.cases.internal.Case}
 * aggregate refuses a transition its state does not allow; this facade names them for the module's pages and
 * API and for other modules ({@link #itemOf}, {@link #applicantOf}, {@link #concludedAnswers}).
 */
@Service
public class CaseHandling {

    /** The steps the inbox filters and counts by (their ids, as in the pages' links). */
    public static final List<String> STEPS =
            ProcessStep.INBOX.stream().map(ProcessStep::id).toList();
    /** The special procedures an official may start (特别程序), as the pages offer them. */
    public static final Set<String> SPECIAL_PROCEDURES = Collections.unmodifiableSet(
            new LinkedHashSet<>(PauseKind.SPECIAL.stream().map(PauseKind::name).toList()));

    private final OfficeQueries queries;
    private final ClaimTask claiming;
    private final ActOnCase acting;
    private final HandOnTask handingOn;
    private final SpecialProcedures special;
    private final UrgeCase urging;
    private final org.tongban.cases.internal.RequestCorrection correcting;

    CaseHandling(
            OfficeQueries queries,
            ClaimTask claiming,
            ActOnCase acting,
            HandOnTask handingOn,
            SpecialProcedures special,
            UrgeCase urging,
            org.tongban.cases.internal.RequestCorrection correcting) {
        this.queries = queries;
        this.claiming = claiming;
        this.acting = acting;
        this.handingOn = handingOn;
        this.special = special;
        this.urging = urging;
        this.correcting = correcting;
    }

    // Reading

    /** Cases waiting at the official's department, oldest first; optionally one step, or only those I claimed. */
    public List<InboxRow> inbox(UUID official, @Nullable String step, boolean onlyMine) {
        return queries.inbox(official, step, onlyMine);
    }

    /** The inbox searched by case number, applicant name or item, filtered, sorted and paged. */
    public InboxSearch.InboxPage inbox(UUID official, InboxSearch.Query query, java.util.Locale locale) {
        return queries.inbox(official, query, locale);
    }

    public List<InboxRow> inbox(UUID official) {
        return queries.inbox(official, null, false);
    }

    /** How many tasks of the official's department wait at each step. */
    public Map<String, Long> counts(UUID official) {
        return queries.counts(official);
    }

    /** A case of the official's department with what the official may do now; the applicant's data read is logged. */
    public OfficeCaseView detail(UUID official, String number) {
        return queries.detail(official, number);
    }

    /** The status of a case the official's department takes part in. */
    public CaseStatus status(UUID official, String number) {
        return queries.status(official, number);
    }

    /**
     * The service item code of a case the official's department takes part in; {@link CaseNotFoundException} for any
     * other case. For modules that authorise by item, such as a license's use authorisation (用证授权).
     */
    public String itemOf(UUID official, String number) {
        return queries.involved(official, number).itemCode();
    }

    /**
     * The applicant of a case the official's department takes part in; {@link CaseNotFoundException} for any other
     * case. For modules that tie an authorisation to the holder's own cases.
     */
    public UUID applicantOf(UUID official, String number) {
        return queries.involved(official, number).applicant();
    }

    /**
     * The form answers of a concluded case, for the module that issues its result: {@link CaseConcluded} names the
     * case and keeps the answers (which hold ID numbers and phones) out of the event table. A case still open has
     * no result to issue: empty, as for an unknown case.
     */
    public Optional<Map<String, String>> concludedAnswers(String number) {
        return queries.concludedAnswers(number);
    }

    /**
     * The enterprise a concluded case was filed as (its applicant party), for the module that issues its result to
     * that enterprise only; empty for a person's own case, and for an open or unknown one.
     */
    public Optional<FiledAs> concludedFiledAs(String number) {
        return queries.concludedFiledAs(number);
    }

    /** An uploaded material of a case the official's department takes part in. */
    public Optional<byte[]> material(UUID official, String number, UUID upload) {
        return queries.material(official, number, upload);
    }

    public Optional<CaseMaterialView> materialInfo(UUID official, String number, UUID upload) {
        return queries.materialInfo(official, number, upload);
    }

    /** Colleagues the official may transfer to or ask to co-sign. */
    public List<StaffView> colleagues(UUID official) {
        return queries.colleagues(official);
    }

    /** Open cases of the department admin's department at risk or overdue (80 % of the limit passed), soonest due first. */
    public List<InboxRow> atRisk(UUID departmentAdmin) {
        return queries.atRisk(departmentAdmin);
    }

    // Acting

    /** Claims the task waiting at the official's department (签收); the second of two officials is refused. */
    public void claim(UUID official, String number) {
        claiming.claim(official, number);
    }

    /**
     * Performs an action that completes the step waiting at the official's department; returns the new status.
     * Retried when two departments complete parallel steps at once ({@link ActOnCase#act}).
     */
    public CaseStatus act(UUID official, String number, CaseAction action, @Nullable String opinion) {
        // A correction names what is to be corrected: requestCorrection.
        if (action == CaseAction.REQUEST_CORRECTION) {
            throw new CaseFormException(java.util.Map.of("corrections", "cases.error.correctionNothingPicked"));
        }
        return acting.act(official, number, action, opinion);
    }

    /**
     * Asks the applicant to correct (补正) the materials and form answers picked, each with its reason (at least
     * one; {@link CaseFormException} on the picks otherwise), with an optional note; returns the new status. The
     * time limit pauses when the case was accepted, as for every correction.
     */
    public CaseStatus requestCorrection(
            UUID official, String number, java.util.List<CorrectionPoint> points, @Nullable String note) {
        return correcting.request(official, number, points, note);
    }

    /** Hands the step waiting at the official's department to a colleague (转办). */
    public void transfer(UUID official, String number, UUID colleague, @Nullable String note) {
        handingOn.transfer(official, number, colleague, note);
    }

    /** Asks a colleague's opinion before the step can be completed (加签). */
    public void addCoSigner(UUID official, String number, UUID colleague, @Nullable String note) {
        handingOn.addCoSigner(official, number, colleague, note);
    }

    /** Starts a special procedure (特别程序): the clock stops until it ends. */
    public void startSpecial(UUID official, String number, String kind, @Nullable String reason) {
        special.start(official, number, kind, reason);
    }

    /** Ends the special procedure with its result; the due date moves by the days it lasted. */
    public void endSpecial(UUID official, String number, @Nullable String result) {
        special.end(official, number, result);
    }

    /** The department admin urges the officials working a case (催办). */
    public void urge(UUID departmentAdmin, String number, @Nullable String note) {
        urging.urge(departmentAdmin, number, note);
    }
}
