package org.tongban.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.tongban.identity.PopulationRegister;
import org.tongban.identity.Role;
import org.tongban.shared.IdNumber;

/**
 * Finds the people of family grants (ADR 0043): a relative is a Tongban account whose name and ID-number blind index
 * match and whose identity is verified (trust level 3 or more); a minor child is a person of the population register
 * (name and ID number together), who is given a person record and an account without sign-in the first time a
 * guardian names them, so that cases and licences can be theirs.
 */
@Component
class FamilyPeople {

    private final JdbcClient jdbc;
    private final PersonStore persons;
    private final AccountStore accounts;
    private final PopulationRegister register;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();

    FamilyPeople(
            JdbcClient jdbc,
            PersonStore persons,
            AccountStore accounts,
            PopulationRegister register,
            PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.accounts = accounts;
        this.register = register;
        this.passwords = passwords;
    }

    private record Found(UUID account, String name, int trustLevel) {}

    private @Nullable Found find(IdNumber id) {
        return jdbc.sql("""
                        select a.id, p.name, p.trust_level from identity.person p
                          join identity.account a on a.person_id = p.id where p.id_number_idx = :idx""")
                .param("idx", persons.idNumberIndex(id))
                .query((rs, i) -> new Found(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
                .optional()
                .orElse(null);
    }

    /** The verified account of this person, or null with the error on {@code idNumber}. */
    @Nullable
    UUID verified(IdNumber id, String name, Map<String, String> errors) {
        var found = find(id);
        if (found == null || !found.name().equals(name)) {
            errors.put("idNumber", "family.error.unknownPerson");
            return null;
        }
        if (found.trustLevel() < 3) {
            errors.put("idNumber", "family.error.trustLevel");
            return null;
        }
        return found.account();
    }

    /** The minor's account, made from the register if the child has none; null with the error when unknown. */
    @Nullable
    UUID minor(IdNumber id, String name, Map<String, String> errors) {
        var found = find(id);
        if (found != null) {
            if (found.name().equals(name)) return found.account();
            errors.put("idNumber", "family.error.unknownPerson");
            return null;
        }
        if (!register.matches(id, name)) {
            errors.put("idNumber", "family.error.notInRegister");
            return null;
        }
        var person = persons.insertPerson(name, id, null, 3);
        // No login name and a password nobody knows: the child does not sign in; the guardian acts for them.
        var secret = new byte[32];
        random.nextBytes(secret);
        var hash = Objects.requireNonNull(passwords.encode(Base64.getEncoder().encodeToString(secret)));
        var account = accounts.insertAccount(person, null, hash);
        accounts.grantRole(account, Role.CITIZEN, null, null);
        return account;
    }
}
