package org.tongban.workflow;

import java.util.Map;

/**
 * Starts a process model for a business object. {@code department} is the organisation unit code whose officials
 * receive the tasks; {@code variables} hold ids, plain values, dates and lists of strings only, never serialised objects.
 */
public record StartProcess(String processKey, String businessKey, String department, Map<String, ?> variables) {}
