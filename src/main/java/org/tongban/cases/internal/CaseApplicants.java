package org.tongban.cases.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.identity.CaseRelations;

/** Answers identity's need-to-know question from the cases: has this department a case of this applicant? */
@Component
class CaseApplicants implements CaseRelations {

    private final JdbcClient jdbc;

    CaseApplicants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean departmentHasCaseOf(String orgUnitCode, UUID applicant) {
        return jdbc.sql("""
                select exists (select 1 from cases.case_file where applicant_id = :a
                                  and (department_code = :d or :d = any (joint_departments)))""")
                .param("a", applicant)
                .param("d", orgUnitCode)
                .query(Boolean.class)
                .single();
    }
}
