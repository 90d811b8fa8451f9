package org.tongban.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.cases.CaseStatus;

/**
 * A case as its applicant sees it (its timeline cut by {@code ApplicantTimeline}) or as an official does: the item
 * version, status, answers, materials, the time limit and its state, the timeline, pauses, the result, and what
 * an open correction request (补正) asks for, and the enterprise that is its applicant party when it was filed as one. Read by
 * this module's pages and JSON API only, hence not in the API package.
 */
public record CaseView(
        String number,
        String itemCode,
        int itemVersion,
        String departmentCode,
        List<String> jointDepartments,
        CaseStatus status,
        Map<String, String> formData,
        Instant submittedAt,
        @Nullable Instant acceptedAt,
        @Nullable LocalDate dueDate,
        DeadlineState deadline,
        @Nullable String correctionNote,
        @Nullable String outcome,
        @Nullable String decisionOpinion,
        @Nullable Instant concludedAt,
        List<CaseMaterialView> materials,
        List<PauseView> pauses,
        List<CaseStepView> steps,
        List<CorrectionPointView> corrections,
        @Nullable String enterpriseCode,
        @Nullable String enterpriseName) {

    /** Whether the case was filed as an enterprise (its applicant party), by the person who acted for it. */
    public boolean filedAsEnterprise() {
        return enterpriseCode != null;
    }

    public boolean concluded() {
        return status.concluded();
    }

    /** The applicant may withdraw until the department accepts ({@link Case#withdraw}). */
    public boolean withdrawable() {
        return Case.withdrawable(status, acceptedAt);
    }

    public boolean correctionRequested() {
        return status == CaseStatus.CORRECTION_REQUESTED;
    }

    /** A decision document exists once the case is decided or refused. */
    public boolean hasDecision() {
        return outcome != null && !outcome.equals(CaseStatus.WITHDRAWN.name());
    }
}
