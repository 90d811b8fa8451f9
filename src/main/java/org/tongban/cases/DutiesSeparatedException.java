package org.tongban.cases;

import java.util.Map;

/**
 * Separation of duties on a case: the official who accepted or reviewed it may not decide it (审批分离). A conflict
 * with the case's history (409 on the API), not bad input.
 */
public class DutiesSeparatedException extends CaseRefusedException {

    private static final long serialVersionUID = 1L;

    public DutiesSeparatedException() {
        super(Kind.CONFLICT, "cases.error.sameOfficial", "cases.problem.separated.title", Map.of());
    }
}
