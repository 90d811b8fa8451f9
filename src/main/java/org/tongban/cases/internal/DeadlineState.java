package org.tongban.cases.internal;

/**
 * The state of a case's time limit on a day (see {@link Deadlines#state}). The constant names are the suffixes of
 * the {@code cases.deadline.*} message keys and what the JSON API answers.
 */
public enum DeadlineState {
    /** Not accepted yet: no limit runs. */
    NONE,
    ON_TRACK,
    /** 80 % of the limit has passed. */
    AT_RISK,
    OVERDUE,
    /** A special procedure or a correction after acceptance stops the clock. */
    PAUSED,
    /** Concluded within the limit. */
    ON_TIME,
    /** Concluded after the due date. */
    LATE;

    /** Whether the handlers should hurry: at risk or overdue. */
    public boolean urgent() {
        return this == AT_RISK || this == OVERDUE;
    }
}
