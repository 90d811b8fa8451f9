package org.tongban.licenses;

import org.tongban.verifier.StatusList;

/**
 * A license's status, with the national status code (DOMAIN.md 5.3) and its value in the published status list.
 * {@link #VALID} licenses whose period has ended read as {@link #EXPIRED} everywhere, before the daily sweep marks
 * them.
 */
public enum LicenseStatus {
    /** 有效. */
    VALID("01", StatusList.VALID),
    /** 暂扣: may be reinstated. */
    SUSPENDED("02", StatusList.SUSPENDED),
    /** 撤销 / 吊销: final. */
    REVOKED("03", StatusList.REVOKED),
    /** 注销, also when a new version replaced it: final. */
    CANCELLED("04", StatusList.REVOKED),
    /** 过期失效: the validity period has ended. */
    EXPIRED("05", StatusList.EXPIRED);

    private final String code;
    private final int listValue;

    LicenseStatus(String code, int listValue) {
        this.code = code;
        this.listValue = listValue;
    }

    /** The national status code (01 有效, 02 暂扣, 03 撤销, 04 注销, 05 失效). */
    public String code() {
        return code;
    }

    /** The 2-bit value in the status list. */
    public int listValue() {
        return listValue;
    }

    /** Valid or suspended: the license still occupies its type's one place for the holder. */
    public boolean active() {
        return this == VALID || this == SUSPENDED;
    }
}
