/**
 * The public portal (广东政务服务网-like) and the shells of the three channels: citizen (粤省事), business (粤商通),
 * office (粤政易), plus the console for managers, the operator and the auditor. Owns layouts, the elderly-friendly
 * mode (适老化), languages, error pages, and the {@code portal} schema (service themes, which the manager edits).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "platform", "notifications", "audit"})
@org.jspecify.annotations.NullMarked
package org.tongban.portal;
