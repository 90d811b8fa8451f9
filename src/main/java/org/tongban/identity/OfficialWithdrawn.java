package org.tongban.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A department admin withdrew the official role from a member of the department: the account, the department code,
 * and when. Published after the withdrawal is written; a listener may see it twice.
 */
public record OfficialWithdrawn(UUID accountId, String departmentCode, Instant at) {}
