package org.tongban.appeals.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongban.appeals.AppealRefusedException;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.Enterprises;
import org.tongban.identity.Persons;

/**
 * Who submits, and from which city (ADR 0041): an enterprise's city is its registered region's, as the
 * market-entity register says; a person's is the city of the ID number's region (the first four digits).
 */
@Component
public class Requesters {

    private final Enterprises enterprises;
    private final Persons persons;

    Requesters(Enterprises enterprises, Persons persons) {
        this.enterprises = enterprises;
        this.persons = persons;
    }

    public Appeals.Requester enterprise(UUID me, EnterpriseView enterprise) {
        var entry =
                enterprises.registerEntry(me, enterprise.creditCode()).orElseThrow(AppealRefusedException::notFound);
        return new Appeals.Requester(
                me, enterprise.creditCode(), enterprise.name(), Appeals.cityOf(entry.regionCode()));
    }

    public Appeals.Requester person(UUID me) {
        var id = persons.ownFacts(me).getOrDefault("idNumber", "");
        return new Appeals.Requester(me, null, null, Appeals.cityOf(id.length() >= 6 ? id.substring(0, 6) : "000000"));
    }
}
