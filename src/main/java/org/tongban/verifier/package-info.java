/**
 * The offline verifier of Tongban's electronic licenses (电子证照离线核验): a small library that checks a show token
 * (亮证) against the published issuer trust list and, optionally, the published status list, with no server.
 * It depends on {@code java.*} and {@code org.bouncycastle.*} only (no Spring, no other Tongban package;
 * {@code VerifierIndependenceTests} enforces it), so that a verifier app, a turnstile or a third party can embed it.
 * The platform uses the same code for its online verification and to write what it signs ({@link org.tongban.verifier.Json},
 * {@link org.tongban.verifier.Compact}), so both sides agree byte for byte. Formats: {@code docs/licenses.md}.
 *
 * <p>API: {@link org.tongban.verifier.OfflineVerifier}, {@link org.tongban.verifier.TrustList},
 * {@link org.tongban.verifier.StatusList}, {@link org.tongban.verifier.ShowToken}, {@link org.tongban.verifier.Outcome},
 * {@link org.tongban.verifier.Verification}, and the building blocks {@link org.tongban.verifier.Sm2},
 * {@link org.tongban.verifier.Compact}, {@link org.tongban.verifier.Json}. Deliberately without annotations: even
 * JSpecify would be a dependency.
 */
package org.tongban.verifier;
