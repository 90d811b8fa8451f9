package org.tongban.licenses.internal;

/** Who holds licenses of a type, with the holder ID type code of GB/T 36903 annex A (DOMAIN.md 4.3). */
public enum HolderKind {
    /** A natural person, by citizen ID number (公民身份号码, {@code 111}). */
    PERSON("111"),
    /** A legal person or other organisation, by unified social credit code ({@code 001}). */
    ENTERPRISE("001");

    private final String idType;

    HolderKind(String idType) {
        this.idType = idType;
    }

    public String idType() {
        return idType;
    }
}
