package org.tongban.cases;

/**
 * The service item asks for a higher trust level (实名等级) than the applicant has: a submission is refused until
 * the applicant raises it (on the account page, by the population register and face check).
 */
public class TrustLevelTooLowException extends CaseRefusedException {

    private final int required;
    private final int current;

    public TrustLevelTooLowException(int required, int current) {
        super("cases.error.trustLevel");
        this.required = required;
        this.current = current;
    }

    public int required() {
        return required;
    }

    public int current() {
        return current;
    }
}
