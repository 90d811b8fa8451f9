package org.tongban.catalog;

import org.tongban.audit.AuditCode;

/** Audit codes of the catalogue. */
public enum CatalogAudit implements AuditCode {
    ITEM_DRAFT_SAVED,
    ITEM_PUBLISHED,
    ITEM_WITHDRAWN
}
