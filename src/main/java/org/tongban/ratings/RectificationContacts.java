package org.tongban.ratings;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.Departments;
import org.tongban.identity.Persons;
import org.tongban.ratings.internal.RatingStore;

/**
 * The rater's phone number for the follow-up call (回访) of a rectification: only to an official of the department
 * the rectification belongs to, only for that case, and every reveal audited as a read of personal data (the
 * identity module's {@code PERSONAL_DATA_READ}, with the rectification and case as purpose).
 */
@Service
public class RectificationContacts {

    private final RatingStore store;
    private final Departments departments;
    private final Persons persons;

    RectificationContacts(RatingStore store, Departments departments, Persons persons) {
        this.store = store;
        this.departments = departments;
        this.persons = persons;
    }

    /**
     * The phone of the applicant whose rating opened the rectification; empty when they gave none.
     *
     * @throws RatingNotFoundException the rectification is another department's, or unknown
     */
    @Transactional
    public Optional<String> raterPhone(UUID official, UUID rectification) {
        var department = departments
                .departmentOf(official)
                .orElseThrow(() -> new RatingNotFoundException(rectification.toString()));
        var applicant = store.applicantOf(rectification, department)
                .orElseThrow(() -> new RatingNotFoundException(rectification.toString()));
        return persons.revealPhone(applicant, official, "rectification " + rectification + " follow-up call");
    }
}
