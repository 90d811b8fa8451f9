package org.tongban.verifier;

/**
 * The result of verifying a show token, or the first check that failed. Each has a stable name for machines and a
 * short English message; the platform translates the names (message keys {@code licenses.verify.outcome.*}).
 */
public enum Outcome {
    /** Every check passed. */
    VALID("valid"),
    /** Not a Tongban license token at all: wrong shape, bad base64url, bad JSON, missing claims. */
    MALFORMED("not a license token"),
    /** The key id is not in the trust list, or the key does not belong to the issuer the token names. */
    UNKNOWN_ISSUER("unknown issuer"),
    /** The signature does not match: the token was changed, or signed with another key. */
    INVALID_SIGNATURE("invalid signature"),
    /** The issuer key was not valid when the token was signed, or has expired since. */
    KEY_NOT_VALID("issuer key not valid"),
    /** The platform revoked the issuer key (compromised): nothing it signed at or after that time is valid. */
    KEY_REVOKED("issuer key revoked"),
    /** The token's own validity (typically 60 seconds) is over: ask the holder to show the license again. */
    EXPIRED("expired"),
    /** The token claims to be issued in the future (beyond the allowed clock skew). */
    NOT_YET_VALID("not yet valid"),
    /** The license's validity period has ended. */
    LICENCE_EXPIRED("license expired"),
    /** The license was revoked or cancelled (撤销, 吊销, 注销, superseded by a new version). */
    REVOKED("revoked"),
    /** The license is suspended (暂扣). */
    SUSPENDED("suspended"),
    /** Online only: the license the token names is not known to the platform. */
    UNKNOWN_LICENCE("unknown license");

    private final String message;

    Outcome(String message) {
        this.message = message;
    }

    /** A short English description, e.g. "invalid signature". */
    public String message() {
        return message;
    }

    public boolean valid() {
        return this == VALID;
    }
}
