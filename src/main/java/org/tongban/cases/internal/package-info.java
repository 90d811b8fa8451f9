/**
 * The inside of the cases module: the {@link org.tongban.cases.internal.Case} aggregate and its
 * {@link org.tongban.cases.internal.CaseRepository}, one use case per operation (a few lines each: load, call the
 * case, save, publish), the read side ({@link org.tongban.cases.internal.CaseQueries} and the applicant's and
 * officials' queries), the stores of uploads and drafts, and the view records the module's controllers show.
 */
@org.jspecify.annotations.NullMarked
package org.tongban.cases.internal;
