/**
 * Service ratings (好差评, DOMAIN.md 8): the applicant rates a concluded case once ("一事一评") on five levels and the
 * five online indicators; a bad rating (1 or 2) opens a rectification (整改) for the department that handled the
 * case, with a deadline in working days, follow-up notes (回访), a response to the rater and closing; managers see
 * statistics per department and item. Owns the {@code ratings} schema. Learns of concluded cases from
 * {@link org.tongban.cases.CaseConcluded}. API: {@link org.tongban.ratings.RatingManagement}, its
 * {@code *View}/{@code *Summary} records, {@link org.tongban.ratings.RateCase} and the event
 * {@link org.tongban.ratings.CaseRated}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "cases", "platform", "notifications", "audit", "identity", "workbench"})
@org.jspecify.annotations.NullMarked
package org.tongban.ratings;
