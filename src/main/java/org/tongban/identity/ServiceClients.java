package org.tongban.identity;

import java.time.Instant;
import java.util.Set;

/**
 * Machine clients of the platform's OAuth2 authorization server (client credentials grant): a system of one
 * department that calls another's data through the exchange. The caller chooses the client id, the secret (shown to
 * its holder once) and the scopes; the authorization server keeps only the secret's hash. A disabled client's
 * secret expires at once, so it gets no new token.
 */
public interface ServiceClients {

    /** Registers a client that may obtain tokens with these scopes until {@code secretExpiresAt}. */
    void register(String clientId, String name, String secret, Set<String> scopes, Instant secretExpiresAt);

    /** Ends a client's secret now; does nothing for an unknown client. */
    void disable(String clientId);

    /** Whether the client exists and its secret has not expired. */
    boolean active(String clientId);
}
