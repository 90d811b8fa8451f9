package org.tongban.cases.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.catalog.CatalogManagement;
import org.tongban.notifications.MessageLinks;
import org.tongban.notifications.MessageView;

/**
 * Case messages lead to their case: the applicant's to the case page of the channel the item is offered in (the
 * citizen channel when it is offered in both), the officials' to the office's case page.
 */
@Component
class CaseMessageLinks implements MessageLinks {

    private static final String APPLICANT = "cases.notice.status.";
    private static final String OFFICIALS = "cases.notice.";

    private final CaseManagement cases;
    private final CatalogManagement catalog;

    CaseMessageLinks(CaseManagement cases, CatalogManagement catalog) {
        this.cases = cases;
        this.catalog = catalog;
    }

    @Override
    public @Nullable String linkFor(UUID reader, MessageView message) {
        var key = message.templateKey();
        if (!key.startsWith(OFFICIALS) || message.args().isEmpty()) return null;
        var number = message.args().getFirst();
        if (!key.startsWith(APPLICANT)) return "/office/cases/" + number;
        return applicantPage(reader, number);
    }

    /** The reader's own case page in its channel, or null when the case is not (or no longer) the reader's. */
    @Nullable
    String applicantPage(UUID reader, String number) {
        try {
            var kase = cases.mine(number, reader);
            var person = catalog.version(kase.itemCode(), kase.itemVersion())
                    .map(i -> i.channels().contains("PERSON"))
                    .orElse(true);
            return (person ? "/citizen/cases/" : "/business/cases/") + number;
        } catch (CaseNotFoundException e) {
            return null;
        }
    }
}
