package org.tongban.exchange;

import org.tongban.audit.AuditCode;

/** Audit codes of the exchange; docs/audit-events.md explains each. Calls themselves go to the exchange's call log. */
public enum ExchangeAudit implements AuditCode {
    EXCHANGE_RESOURCE_REGISTERED,
    EXCHANGE_ACCESS_REQUESTED,
    EXCHANGE_ACCESS_APPROVED,
    EXCHANGE_ACCESS_REFUSED,
    EXCHANGE_GRANT_REVOKED,
    EXCHANGE_CALL_REFUSED,
    EXCHANGE_CONSENT_GIVEN,
    EXCHANGE_CONSENT_WITHDRAWN
}
