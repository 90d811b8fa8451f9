package org.tongban.cases;

/**
 * Separation of duties on a case: the official who accepted or reviewed it may not decide it (审批分离). A conflict
 * with the case's history (409 on the API), not bad input.
 */
public class DutiesSeparatedException extends CaseRefusedException {

    public DutiesSeparatedException() {
        super("cases.error.sameOfficial");
    }
}
