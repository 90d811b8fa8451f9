package org.tongban.licenses;

import java.time.Instant;
import java.util.UUID;

/**
 * A holder showed a license (亮证): a show token was handed out. Not audited itself: the audit trail has
 * {@link LicenseAudit#LICENCE_SHOWN} from the same step. Carries its own id, so that a listener that counts shows
 * (the dashboards, ADR 0044) counts a redelivered event once.
 */
public record LicenseShown(UUID id, String identifier, String type, String issuerDepartment, Instant at) {}
