/**
 * 通讯录 (issue 13, part 3): the directory of officials. The province's organisation tree (regions → departments →
 * officials with their posts), search by name, pinyin initials, full pinyin and department name, and each
 * official's contact details with who may see each one (all officials, the own department, nobody else). Owns the
 * {@code directory} schema: a read model filled from identity's API and kept up to date by identity's events
 * (ADR 0046); it never reads identity's tables.
 *
 * <p>API: the permissions, the audit codes and the exception. Everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit"})
@org.jspecify.annotations.NullMarked
package org.tongban.directory;
