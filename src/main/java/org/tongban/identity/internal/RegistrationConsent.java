package org.tongban.identity.internal;

/**
 * What the registration page asks besides the fields of {@link RegisterCitizen}: the password typed a second time,
 * and whether the privacy notice was accepted (个人信息保护法: consent before personal information is processed).
 */
public record RegistrationConsent(String passwordConfirmation, boolean privacyAccepted) {

    /** Confirmed and accepted, for callers that are not the page (tests, the demo data). */
    public static RegistrationConsent given(String password) {
        return new RegistrationConsent(password, true);
    }
}
