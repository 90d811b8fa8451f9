package org.tongban.identity;

import java.util.Optional;
import org.tongban.shared.CreditCode;

/**
 * The market-entity register (法人库) that knows enterprises by their unified social credit code. Tongban ships a
 * seeded table behind this port; a deployment provides an adapter.
 */
public interface MarketEntityRegister {

    Optional<MarketEntity> find(CreditCode code);

    /** What the register says about an entity; the legal representative's ID number stays inside the register. */
    record MarketEntity(
            String creditCode,
            String name,
            String legalRepresentativeName,
            String address,
            String industry,
            String regionCode) {}
}
