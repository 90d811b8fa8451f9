package org.tongban.audit;

/** A kind of audited event. Each module lists its codes in an enum implementing this; docs/audit-events.md explains each. */
public interface AuditCode {
    String name();
}
