package org.tongban.cases;

/** What an official does with a case. The first group completes the current step; the rest do not. */
public enum CaseAction {
    /** 受理 (at acceptance). */
    ACCEPT,
    /** 不予受理 (at acceptance). */
    REFUSE,
    /** 补正: ask the applicant to correct the form or materials (at acceptance or review). */
    REQUEST_CORRECTION,
    /** 审查通过 (at review; in joint approval, the department agrees). */
    REVIEWED,
    /** 审查不同意 (in joint approval: the department objects, with reasons). */
    OBJECT,
    /** 退回: back to the previous step. */
    RETURN,
    /** 准予 (at decision). */
    APPROVE,
    /** 不予准予 (at decision). */
    DENY,
    /** 加签意见: the co-signer's opinion. */
    CO_SIGN,
    /** 签收: claim the task. */
    CLAIM,
    /** 转办: hand the task to a colleague. */
    TRANSFER,
    /** 加签: ask a colleague's opinion before completing. */
    ADD_CO_SIGNER,
    /** 特别程序: pause the clock for a hearing, expert review or inspection. */
    START_SPECIAL,
    /** 特别程序结束. */
    END_SPECIAL
}
