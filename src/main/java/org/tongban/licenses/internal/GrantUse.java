package org.tongban.licenses.internal;

/**
 * How a license was used through an authorisation, as the holder's use log records it. The constants are the values
 * stored in {@code licenses.use_log}, so they must not be renamed.
 */
public final class GrantUse {

    private GrantUse() {}

    /** Who used it ({@code actor_kind}). */
    public enum By {
        /** An official of a department read the data. */
        OFFICIAL,
        /** The holder chose the license in an application (the case). */
        CASE
    }

    /** What left the register ({@code what}). */
    public enum Disclosed {
        /** The summary a case keeps (masked holder, identifier, period, status). */
        SUMMARY,
        /** All the license's data. */
        FULL
    }
}
