package org.tongban.cases;

/** What an official does with a case at its current step. */
public enum CaseAction {
    /** 受理 (at acceptance). */
    ACCEPT,
    /** 不予受理 (at acceptance). */
    REFUSE,
    /** 审查完毕 (at review). */
    REVIEWED,
    /** 准予 (at decision). */
    APPROVE,
    /** 不予准予 (at decision). */
    DENY
}
