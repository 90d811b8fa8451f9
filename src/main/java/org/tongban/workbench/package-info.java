/**
 * The official's workbench (移动办公, issue 13 part 1): the unified to-do (统一待办) at {@code /office} and
 * {@code /api/v1/office/todo}, everything waiting for the official across the modules, sorted by deadline, with
 * counts per source and what the official completed today. Owns no tables and reads no other module's: each module
 * that has work for officials contributes a {@link org.tongban.workbench.TodoProvider} bean (ADR 0040), so the
 * dependency runs from the contributing module to this one.
 *
 * <p>API: {@link org.tongban.workbench.TodoProvider}, {@link org.tongban.workbench.TodoItem},
 * {@link org.tongban.workbench.TodoOwner} and {@link org.tongban.workbench.WorkbenchPermission}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "notifications"})
@org.jspecify.annotations.NullMarked
package org.tongban.workbench;
