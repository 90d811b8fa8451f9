package org.tongban.identity;

import java.util.UUID;

/**
 * The need-to-know behind an official's read of another person (PIPL): whether a department has a case of that
 * person. Identity asks; the cases module answers (it owns the cases). Without an answer the read is refused.
 */
public interface CaseRelations {

    /** Whether a case that the department takes part in (as lead or joint reviewer) has the account as applicant. */
    boolean departmentHasCaseOf(String orgUnitCode, UUID applicant);
}
