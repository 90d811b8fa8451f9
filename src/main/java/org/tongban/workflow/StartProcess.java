package org.tongban.workflow;

import java.util.Map;

/**
 * Starts a process model for a business object. {@code department} is the organisation unit code whose officials
 * receive the tasks; {@code variables} hold ids and plain values only, never serialised objects.
 */
public record StartProcess(String processKey, String businessKey, String department, Map<String, String> variables) {}
