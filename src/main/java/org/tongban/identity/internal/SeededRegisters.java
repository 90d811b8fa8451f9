package org.tongban.identity.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.identity.MarketEntityRegister;
import org.tongban.identity.PopulationRegister;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;

/**
 * The registers as Tongban ships them: seeded tables that stand in for the provincial population register and
 * the market-entity register. The population table holds blind indexes, not ID numbers, as a real adapter's
 * cache would.
 */
@Component
class SeededRegisters implements PopulationRegister, MarketEntityRegister {

    private final JdbcClient jdbc;
    private final FieldProtection protection;

    SeededRegisters(JdbcClient jdbc, FieldProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    @Override
    public boolean matches(IdNumber idNumber, String name) {
        return jdbc.sql("select name from identity.population_register where id_number_idx = :idx")
                .param("idx", protection.blindIndex(idNumber.value(), PersonStore.ID_NUMBER))
                .query(String.class)
                .optional()
                .map(n -> n.equals(name.strip()))
                .orElse(false);
    }

    @Override
    public Optional<MarketEntity> find(CreditCode code) {
        return jdbc.sql("""
                select credit_code, name, legal_rep_name, address, industry, region_code
                  from identity.market_register where credit_code = :code""")
                .param("code", code.value())
                .query((rs, i) -> new MarketEntity(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }
}
