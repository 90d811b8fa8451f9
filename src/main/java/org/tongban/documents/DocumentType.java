package org.tongban.documents;

/**
 * The 15 kinds of official document of Art. 8 of 党政机关公文处理工作条例 (DOMAIN.md 10.1), each with its Chinese and
 * English name and the suffix its number adds to the department's 机关代字, so that the sequences of two types of one
 * department never print the same number ({@code 穗市监函〔2026〕3号} beside {@code 穗市监〔2026〕3号}, ADR 0028).
 */
public enum DocumentType {
    RESOLUTION("决议", "Resolution", "议"),
    DECISION("决定", "Decision", "决"),
    ORDER("命令（令）", "Order", "令"),
    COMMUNIQUE("公报", "Communiqué", "公报"),
    ANNOUNCEMENT("公告", "Announcement", "公告"),
    PUBLIC_NOTICE("通告", "Public notice", "通告"),
    OPINION("意见", "Opinion", "意"),
    NOTICE("通知", "Notice", ""),
    CIRCULAR("通报", "Circular", "通报"),
    REPORT("报告", "Report", "报"),
    REQUEST("请示", "Request for instructions", "请"),
    REPLY("批复", "Reply", "复"),
    MOTION("议案", "Motion", "案"),
    LETTER("函", "Letter", "函"),
    MINUTES("纪要", "Minutes", "纪");

    private final String nameZh;
    private final String nameEn;
    private final String numberSuffix;

    DocumentType(String nameZh, String nameEn, String numberSuffix) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.numberSuffix = numberSuffix;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** What the type adds to the 机关代字 in the number: empty for 通知, the department's plain series. */
    public String numberSuffix() {
        return numberSuffix;
    }

    /** Whether the 版头 shows 签发人 (up-going documents: 请示 and 报告, GB/T 9704 7.2.4). */
    public boolean showsSigner() {
        return this == REPORT || this == REQUEST;
    }
}
