package org.tongban.identity;

import org.tongban.shared.IdNumber;

/**
 * The face check (人脸核验) that, with the population register's name and ID number match, raises an account to
 * trust level 3. A provider (the public-security CTID service, a provincial platform's 刷脸 service) captures a live
 * face on the citizen's device and compares it with the photo it holds for the ID number; the page hands its
 * result token to the platform as {@code evidence}, and the adapter asks the provider what that token proved.
 *
 * <p>Tongban ships only a development stand-in ({@code DemoFaceVerification}, see ADR 0015); a deployment plugs in
 * the provider's adapter as a bean of this type, and the production profile refuses to start with the stand-in.
 */
public interface FaceVerification {

    /**
     * True only when the provider confirms that the evidence is a live capture of the person holding this ID number
     * and name, made for this check; false for a mismatch, an unknown, reused or expired token, or a failed liveness.
     */
    boolean verify(IdNumber idNumber, String name, String evidence);

    /** Whether this is the development stand-in, whose outcome the developer chooses on the page. */
    default boolean demo() {
        return false;
    }
}
