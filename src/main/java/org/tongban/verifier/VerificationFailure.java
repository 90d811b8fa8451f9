package org.tongban.verifier;

/** A check failed: carries the {@link Outcome} to report. The message never quotes the input. */
public final class VerificationFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final Outcome outcome;

    public VerificationFailure(Outcome outcome, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
