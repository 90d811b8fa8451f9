package org.tongban.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A department admin posted an official to the department (or moved the post there): the official's account, name,
 * department code and post, and when. Published after the appointment is written; a listener may see it twice.
 */
public record OfficialAppointed(UUID accountId, String name, String departmentCode, String post, Instant at) {}
