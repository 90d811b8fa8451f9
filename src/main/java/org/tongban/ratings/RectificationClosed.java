package org.tongban.ratings;

import java.time.Instant;
import java.util.UUID;

/**
 * A rectification of a bad rating was closed (整改完成), on time or late. Not audited itself: the audit trail has
 * {@link RatingAudit#RECTIFICATION_CLOSED} from the same step. Heard by the dashboards (ADR 0044).
 */
public record RectificationClosed(UUID rectification, String caseNumber, boolean late, Instant closedAt) {}
