package org.tongban.cases;

/**
 * Where a case stands. The constant names are the values stored in {@code cases.case_file.status} (and its check
 * constraint) and the suffixes of the {@code cases.status.*} and {@code cases.notice.status.*} message keys.
 */
public enum CaseStatus {
    /** 已提交: filed, waiting for acceptance. */
    SUBMITTED,
    /** 已受理: accepted; the time limit runs. */
    ACCEPTED,
    /** 不予受理: refused at acceptance (concluded). */
    NOT_ACCEPTED,
    /** 待补正: the applicant is asked to correct the form or materials. */
    CORRECTION_REQUESTED,
    /** 审查中. */
    IN_PROCESS,
    /** 特别程序中: a hearing, expert review or inspection; the clock stops. */
    SPECIAL_PROCEDURE,
    /** 准予 (concluded). */
    APPROVED,
    /** 不予准予 (concluded). */
    DENIED,
    /** 已撤回 by the applicant (concluded). */
    WITHDRAWN;

    /** Whether the case has ended: decided, refused or withdrawn. */
    public boolean concluded() {
        return this == APPROVED || this == DENIED || this == NOT_ACCEPTED || this == WITHDRAWN;
    }
}
