package org.tongban.healthcode;

/** The colour of a health code, in order of severity. */
public enum HealthStatus {
    GREEN("绿码"),
    YELLOW("黄码"),
    RED("红码");

    private final String zh;

    HealthStatus(String zh) {
        this.zh = zh;
    }

    /** The colour's Chinese name as a signed token states it (绿码, 黄码, 红码). */
    public String zh() {
        return zh;
    }

    public static HealthStatus fromZh(String text) {
        for (var s : values()) if (s.zh.equals(text)) return s;
        throw new IllegalArgumentException(text);
    }
}
