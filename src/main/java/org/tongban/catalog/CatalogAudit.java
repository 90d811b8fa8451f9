package org.tongban.catalog;

import org.tongban.audit.AuditCode;

/** Audit codes of the catalogue. */
public enum CatalogAudit implements AuditCode {
    ITEM_DRAFT_SAVED,
    ITEM_PUBLISHED,
    ITEM_WITHDRAWN,
    ITEM_SEARCH_TERMS_SAVED,
    SYNONYM_ADDED,
    SYNONYM_CHANGED,
    SYNONYM_REMOVED
}
