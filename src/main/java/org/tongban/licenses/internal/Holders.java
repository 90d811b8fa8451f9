package org.tongban.licenses.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.Persons;

/**
 * Whose licenses an account holds: the person's own (by ID number), and those of the enterprises the account acts
 * for with a full grant: as legal representative, or as an agent whose grant's scope is {@code ALL}. An agent
 * authorised for some items only (精准授权) holds none of the enterprise's licenses. As blind indexes.
 */
@Component
public class Holders {

    private final Persons identity;
    private final Issuer issuer;

    Holders(Persons identity, Issuer issuer) {
        this.identity = identity;
        this.issuer = issuer;
    }

    public List<byte[]> of(UUID account) {
        var indexes = new ArrayList<byte[]>();
        try {
            var idNumber = identity.ownFacts(account).get("idNumber");
            if (idNumber != null) indexes.add(issuer.holderIndex(idNumber));
            for (var enterprise : identity.profile(account).enterprises()) {
                if (fullScope(enterprise)) indexes.add(issuer.holderIndex(enterprise.creditCode()));
            }
        } catch (AccountNotFoundException e) {
            return List.of();
        }
        return indexes;
    }

    /**
     * The holders a wallet of one channel shows: in the citizen channel the person's own licences, in the business
     * channel those of the enterprise the request acts for (checked by identity on this request, ADR 0030), when the
     * grant covers licences.
     */
    public List<byte[]> inChannel(
            UUID account,
            org.tongban.identity.@org.jspecify.annotations.Nullable EnterpriseView enterprise,
            boolean business) {
        if (business) {
            return enterprise != null && fullScope(enterprise)
                    ? List.of(issuer.holderIndex(enterprise.creditCode()))
                    : List.of();
        }
        try {
            var idNumber = identity.ownFacts(account).get("idNumber");
            return idNumber == null ? List.of() : List.of(issuer.holderIndex(idNumber));
        } catch (AccountNotFoundException e) {
            return List.of();
        }
    }

    public boolean holds(UUID account, byte[] holderIdx) {
        return of(account).stream().anyMatch(i -> Arrays.equals(i, holderIdx));
    }

    /** Whether the grant lets the account act for the enterprise in everything, licenses included. */
    static boolean fullScope(org.tongban.identity.EnterpriseView enterprise) {
        return enterprise.covers("LICENCES");
    }
}
