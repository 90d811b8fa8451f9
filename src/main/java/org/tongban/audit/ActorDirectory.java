package org.tongban.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Who the account ids of the trail are, for the people who read it (a port: identity implements it, since audit
 * depends on nothing but the shared kernel). Staff are named in full, anyone else with a masked name.
 */
public interface ActorDirectory {

    /**
     * The display name of each of the ids that is an account or an organisation unit's code (a department is the
     * object of some events), the unit's in the reader's language; ids that are neither are left out.
     */
    Map<String, String> names(Collection<String> ids, java.util.Locale locale);

    /** The account id of a login name, as the trail records actors. */
    Optional<String> accountOf(String loginName);
}
