package org.tongban.documents.internal;

/** Where a received document is (收文, Art. 24): 待签收 → 已签收登记 → 已拟办 → 已批办 → 已承办 → 办结. */
public enum ReceiptStatus {
    DELIVERED,
    SIGNED_FOR,
    PROPOSED,
    INSTRUCTED,
    HANDLED,
    DONE
}
