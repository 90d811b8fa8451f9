/**
 * The Flowable BPMN engine and the process models of approval (审批流程). The only module that sees Flowable: its
 * API speaks in business keys (such as a case number), {@link org.tongban.workflow.TaskSummary} records and
 * decisions. Flowable owns its ACT_* tables in the {@code workflow} schema (ADR 0003).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "identity"})
@org.jspecify.annotations.NullMarked
package org.tongban.workflow;
