package org.tongban.identity;

import java.util.UUID;

/**
 * A member of staff of a department. {@code name} is as the reader may see it: in full for the department admin who
 * appoints and withdraws them (she must know whom she manages), masked ({@code 张*}) for colleagues choosing whom
 * to hand a case to.
 */
public record StaffView(UUID accountId, String name, String staffNo, String post, boolean active) {}
