package org.tongban.verifier;

import java.time.Duration;

/**
 * What verifying a show token found.
 *
 * @param outcome {@link Outcome#VALID} or the first check that failed
 * @param token the token's claims once its signature was checked (also for a token that is valid but expired,
 *     revoked…, so that a verifier can show what it was); null when the signature was not checked or failed
 * @param key the trust-list key that signed it, when known
 * @param statusChecked whether a status list (offline) or the register (online) was consulted; a token whose status
 *     was not checked can be no more than "signature valid, status unknown"
 * @param staleBy how long past its update time the staler of the trust list and the status list used is; zero
 *     when both are current. A status list stale by more than the verifier's tolerance is not consulted at all
 *     ({@code statusChecked} is then false): it cannot vouch that the license was not revoked meanwhile
 */
public record Verification(Outcome outcome, ShowToken token, TrustedKey key, boolean statusChecked, Duration staleBy) {

    /** Whether a list used is past its update time; {@link #staleBy} says by how much. */
    public boolean stale() {
        return staleBy.isPositive();
    }

    /** A short English description of the outcome. */
    public String message() {
        return outcome.message();
    }

    public boolean valid() {
        return outcome.valid();
    }

    static Verification failed(Outcome outcome) {
        return new Verification(outcome, null, null, false, Duration.ZERO);
    }
}
