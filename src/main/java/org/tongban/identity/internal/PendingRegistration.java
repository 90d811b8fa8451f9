package org.tongban.identity.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A registration whose every field passed and whose phone was sent a code ({@link Registration#startRegistration}),
 * waiting for that code ({@link Registration#completeRegistration}). Holds the password only as its hash, so
 * that it can wait in the session; the ID number and phone are in clear, like the form that was posted. The time
 * the privacy notice was accepted is recorded on the account it becomes.
 */
public record PendingRegistration(
        String idNumber, String name, String phone, String passwordHash, String maskedPhone, Instant consentedAt)
        implements Serializable {

    /** Never prints the ID number, phone or hash (sessions and logs). */
    @Override
    public String toString() {
        return "PendingRegistration[" + maskedPhone + "]";
    }
}
