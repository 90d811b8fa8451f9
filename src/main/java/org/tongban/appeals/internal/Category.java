package org.tongban.appeals.internal;

import java.util.Optional;

/**
 * The fixed categories of a request, each the responsibility of one type of department: the suffix of the
 * department's code in every city ({@code 440100-SCJG} is Guangzhou's 市场监督管理局). ADR 0041.
 */
public enum Category {
    MARKET("SCJG"),
    TAX("SW"),
    LABOUR("RS"),
    TRANSPORT("JT"),
    HEALTH("WJ"),
    HOUSING("ZJ"),
    HOUSING_FUND("GJJ"),
    EDUCATION("JY"),
    MEDICAL_INSURANCE("YB"),
    PUBLIC_SECURITY("GA");

    private final String departmentType;

    Category(String departmentType) {
        this.departmentType = departmentType;
    }

    /** The suffix of the responsible department's code. */
    public String departmentType() {
        return departmentType;
    }

    public String messageKey() {
        return "appeals.category." + name();
    }

    static Optional<Category> parse(String value) {
        for (var c : values()) if (c.name().equals(value)) return Optional.of(c);
        return Optional.empty();
    }
}
