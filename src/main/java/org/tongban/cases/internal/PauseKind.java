package org.tongban.cases.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Why a case's clock stops. The constant names are the values stored in {@code cases.case_pause.kind} and the
 * suffixes of the {@code cases.pause.*} message keys.
 */
public enum PauseKind {
    /** 听证. */
    HEARING,
    /** 专家评审. */
    EXPERT_REVIEW,
    /** 检验检测. */
    INSPECTION,
    /** 补正 after acceptance: the applicant's correction ends it, not an official. */
    CORRECTION;

    /** The special procedures (特别程序) an official starts and ends. */
    public static final Set<PauseKind> SPECIAL = EnumSet.of(HEARING, EXPERT_REVIEW, INSPECTION);

    public boolean special() {
        return SPECIAL.contains(this);
    }

    /** The special procedure a form or request names; empty for anything else, correction included. */
    public static Optional<PauseKind> special(String name) {
        return SPECIAL.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
