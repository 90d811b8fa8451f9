package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A case as its applicant sees it: the item version, status, answers, materials, the time limit and its state
 * ({@code NONE} before acceptance, {@code ON_TRACK}, {@code AT_RISK} from 80 % of the limit, {@code OVERDUE},
 * {@code PAUSED}, and once concluded {@code ON_TIME} or {@code LATE}), the timeline, pauses and the result.
 */
public record CaseView(String number, String itemCode, int itemVersion, String departmentCode,
        List<String> jointDepartments, String status, Map<String, String> formData, Instant submittedAt,
        @Nullable Instant acceptedAt, @Nullable LocalDate dueDate, String deadline, @Nullable String correctionNote,
        @Nullable String outcome, @Nullable String decisionOpinion, @Nullable Instant concludedAt,
        List<CaseMaterialView> materials, List<PauseView> pauses, List<CaseStepView> steps) {

    private static final Set<String> CONCLUDED = Set.of("APPROVED", "DENIED", "NOT_ACCEPTED", "WITHDRAWN");

    public boolean concluded() {
        return CONCLUDED.contains(status);
    }

    /** The applicant may withdraw until the department accepts. */
    public boolean withdrawable() {
        return acceptedAt == null && (status.equals("SUBMITTED") || status.equals("CORRECTION_REQUESTED"));
    }

    public boolean correctionRequested() {
        return status.equals("CORRECTION_REQUESTED");
    }

    /** A decision document exists once the case is decided or refused. */
    public boolean hasDecision() {
        return outcome != null && !outcome.equals("WITHDRAWN");
    }
}
