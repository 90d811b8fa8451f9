package org.tongban.identity.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.identity.Family;
import org.tongban.identity.Role;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;

/**
 * The demo family of 张三 (citizen), ADR 0043: his mother 王秀英 (login {@code parent}), who has authorised him for
 * every scope for three years, and his son 张小宇, born 2016, whom 张三 added as guardian (until the boy turns 18). Both
 * are in the population register; the boy has an account without sign-in. Added once, also to a demo seeded before.
 */
@Component
class DemoFamily {

    static final String PARENT_LOGIN = "parent";

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final PersonStore persons;
    private final FamilyPeople people;
    private final FamilyStore store;
    private final PasskeyConfirmation passkeys;

    DemoFamily(
            JdbcClient jdbc,
            AccountStore accounts,
            PersonStore persons,
            FamilyPeople people,
            FamilyStore store,
            PasskeyConfirmation passkeys) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.persons = persons;
        this.people = people;
        this.store = store;
        this.passkeys = passkeys;
    }

    /** Adds the family unless the parent's account exists; true when it did. */
    boolean addMissing(String hash) {
        if (accounts.findByIdentifier(PARENT_LOGIN).isPresent()) return false;
        var citizen = accounts.findByIdentifier("citizen");
        if (citizen.isEmpty()) return false;
        var zhang = citizen.get().id();
        var motherId = id("44010619620415128");
        var motherPerson = persons.insertPerson("王秀英", motherId, PhoneNumber.parse("13800138061"), 3);
        register("王秀英", motherId);
        var mother = accounts.insertAccount(motherPerson, PARENT_LOGIN, hash);
        accounts.grantRole(mother, Role.CITIZEN, null, null);
        var all = String.join(",", Family.SCOPES);
        grant(
                mother,
                zhang,
                "CHILD",
                all,
                LocalDate.now(AgentGrants.ZONE).plusYears(3).plusDays(1),
                "AUTHORISED",
                mother);

        var sonId = id("44010620160901137");
        register("张小宇", sonId);
        var son = people.minor(sonId, "张小宇", new HashMap<>());
        if (son != null) grant(son, zhang, "PARENT", all, sonId.birthDate().plusYears(18), "GUARDIAN", zhang);
        return true;
    }

    private void grant(
            UUID principal, UUID relative, String relationship, String scope, LocalDate end, String kind, UUID by) {
        var grant = UUID.randomUUID();
        var until = end.atStartOfDay(AgentGrants.ZONE).toInstant();
        store.insert(
                grant,
                principal,
                relative,
                relationship,
                scope,
                until,
                kind,
                "ACTIVE",
                by,
                passkeys.challengeFor(
                        FamilyGrants.PURPOSE,
                        FamilyGrants.content(grant, principal, relative, relationship, scope, until)));
    }

    private void register(String name, IdNumber id) {
        jdbc.sql(
                        "insert into identity.population_register (id_number_idx, name) values (:idx, :n) on conflict do nothing")
                .param("idx", persons.idNumberIndex(id))
                .param("n", name)
                .update();
    }

    private static IdNumber id(String first17) {
        return IdNumber.parse(first17 + IdNumber.checkChar(first17));
    }
}
