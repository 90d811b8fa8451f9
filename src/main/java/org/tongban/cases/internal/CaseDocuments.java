package org.tongban.cases.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.CaseStatus;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.Persons;

/**
 * The decision document (决定书 / 不予受理通知书) of a concluded case as a PDF, for its applicant and for officials of
 * the departments that took part. Rendered from the case as stored, so it is the same every time it is asked for.
 */
@Service
public class CaseDocuments {

    private final CaseQueries cases;
    private final Officials officials;
    private final CatalogManagement catalog;
    private final Persons identity;

    private final Clock clock;

    CaseDocuments(CaseQueries cases, Officials officials, CatalogManagement catalog, Persons identity, Clock clock) {
        this.clock = clock;
        this.cases = cases;
        this.officials = officials;
        this.catalog = catalog;
        this.identity = identity;
    }

    @Transactional(readOnly = true)
    public byte[] forApplicant(String number, UUID applicant) {
        var c = cases.full(number)
                .filter(r -> r.applicant().equals(applicant))
                .orElseThrow(() -> new CaseNotFoundException(number));
        return render(c, applicant);
    }

    @Transactional
    public byte[] forOfficial(String number, UUID official) {
        var department = officials.departmentOf(official);
        var c = cases.full(number)
                .filter(r -> r.involves(department))
                .orElseThrow(() -> new CaseNotFoundException(number));
        return render(c, official);
    }

    private byte[] render(CaseRow c, UUID reader) {
        if (c.outcome() == null || c.outcome().equals(CaseStatus.WITHDRAWN.name()) || c.concludedAt() == null) {
            throw new CaseRefusedException("cases.error.noDecision");
        }
        var item = catalog.version(c.itemCode(), c.itemVersion()).orElseThrow();
        var person = identity.readPerson(c.applicant(), reader, "decision document " + c.number())
                .orElseThrow(() -> new CaseNotFoundException(c.number()));
        var answers = new LinkedHashMap<String, String>();
        item.form().answers(c.form(), Locale.SIMPLIFIED_CHINESE).forEach(a -> answers.put(a.question(), a.answer()));
        return DecisionDocument.render(
                new DecisionDocument.Decision(
                        c.number(),
                        item.nameZh(),
                        item.departmentZh(),
                        person.name(),
                        person.maskedIdNumber(),
                        DecisionDocument.Outcome.valueOf(c.outcome()),
                        c.decisionOpinion(),
                        c.concludedAt(),
                        c.submittedAt(),
                        answers),
                clock.getZone());
    }
}
