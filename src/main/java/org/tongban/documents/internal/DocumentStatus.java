package org.tongban.documents.internal;

/** Where an outgoing document is: 拟稿 → 核稿 → 会签 → 签发 → 编号 → 用印 → 分发. */
public enum DocumentStatus {
    DRAFT,
    CHECK,
    COUNTERSIGN,
    SIGN,
    NUMBERED,
    SEALED,
    DISPATCHED
}
