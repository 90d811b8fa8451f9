/**
 * Applications filed by citizens and enterprises, from submission to result (一网通办). Owns the {@code cases}
 * schema, which no other module reads. API: the facades {@link org.tongban.cases.CaseManagement} (the applicant's
 * side) and {@link org.tongban.cases.CaseHandling} (the officials' side), the command
 * {@link org.tongban.cases.SubmitCase}, {@link org.tongban.cases.CaseAction} and {@link org.tongban.cases.CaseStatus},
 * the events ({@link org.tongban.cases.CaseSubmitted}, {@link org.tongban.cases.CaseActed},
 * {@link org.tongban.cases.CaseConcluded}, {@link org.tongban.cases.MaterialUploaded}), the license port
 * {@link org.tongban.cases.LicenseEvidence} and the exceptions. The {@code Case} aggregate, the use cases, the
 * stores and the view records the module's pages and JSON API show live in {@code internal/} (ADR 0023).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "catalog",
            "workflow",
            "identity",
            "platform",
            "audit",
            "notifications",
            "workbench"
        })
@org.jspecify.annotations.NullMarked
package org.tongban.cases;
