package org.tongban.identity;

import org.tongban.shared.IdNumber;

/**
 * The population register (人口库) that confirms a name and ID number belong together (trust level 3). Tongban
 * ships a seeded table behind this port; a deployment provides an adapter to the provincial data platform.
 */
public interface PopulationRegister {

    /** True when the register holds this ID number with exactly this name. */
    boolean matches(IdNumber idNumber, String name);
}
