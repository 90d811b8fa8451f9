package org.tongban.verifier;

/**
 * What verifying a show token found.
 *
 * @param outcome {@link Outcome#VALID} or the first check that failed
 * @param token the token's claims once its signature was checked (also for a token that is valid but expired,
 *     revoked…, so that a verifier can show what it was); null when the signature was not checked or failed
 * @param key the trust-list key that signed it, when known
 * @param statusChecked whether a status list (offline) or the register (online) was consulted; a token whose status
 *     was not checked can be no more than "signature valid, status unknown"
 * @param stale whether the trust list or the status list used is past its update time
 */
public record Verification(Outcome outcome, ShowToken token, TrustedKey key, boolean statusChecked, boolean stale) {

    /** A short English description of the outcome. */
    public String message() {
        return outcome.message();
    }

    public boolean valid() {
        return outcome.valid();
    }

    static Verification failed(Outcome outcome) {
        return new Verification(outcome, null, null, false, false);
    }
}
