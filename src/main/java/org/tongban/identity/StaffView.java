package org.tongban.identity;

import java.util.UUID;

/** A member of staff of a department, as the department admin sees them. */
public record StaffView(UUID accountId, String maskedName, String staffNo, String post, boolean active) {}
