package org.tongban.licenses;

import org.tongban.verifier.Verification;

/**
 * The platform's own check of a show token against its published trust list (the offline verifier's checks without
 * a status list: envelope, issuer key, signature, token window, validity), for a module that keeps the register of
 * its tokens itself ({@link ShowTokenRegister}). Never throws: garbage is {@link org.tongban.verifier.Outcome#MALFORMED}.
 */
public interface SignedTokens {

    Verification verifySigned(String token);
}
