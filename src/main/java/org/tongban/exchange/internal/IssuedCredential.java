package org.tongban.exchange.internal;

/**
 * The credential an approval issues, shown once: the OAuth2 client id and secret, the scope that names the grant,
 * and where to get a token.
 */
public record IssuedCredential(String clientId, String clientSecret, String scope, String tokenPath) {}
