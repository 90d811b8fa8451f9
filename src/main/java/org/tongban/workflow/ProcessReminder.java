package org.tongban.workflow;

/**
 * A process timer fired: the step of a business object has reached 80 % of its time limit ({@code WARNING}) or
 * its due date ({@code OVERDUE}). Published inside the engine's job transaction; the owner of the business
 * object decides whether a reminder is still due (its deadline may have moved since the timer was set).
 */
public record ProcessReminder(String businessKey, String step, String kind) {}
