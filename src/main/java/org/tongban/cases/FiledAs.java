package org.tongban.cases;

/**
 * The enterprise a case was filed as (its applicant party), as identity named it when the case was filed: the
 * module that issues the case's result issues an enterprise licence to this credit code only.
 */
public record FiledAs(String creditCode, String name) {}
