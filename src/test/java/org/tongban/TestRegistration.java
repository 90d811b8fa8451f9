package org.tongban;

import java.util.UUID;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.identity.internal.TrustLevelProof;
import org.tongban.notifications.DevelopmentOutbox;

/** Registers a citizen the way a person does: the form, then the code that reached the phone. */
public final class TestRegistration {

    private TestRegistration() {}

    public static UUID register(Registration registration, DevelopmentOutbox outbox, RegisterCitizen command) {
        var pending = registration.startRegistration(command);
        return registration.completeRegistration(pending, IntegrationTest.lastCodeTo(outbox, pending.phone()));
    }

    /**
     * Registers a citizen (password {@link TestPeople#PASSWORD}) who is in the population register and passes the
     * demo face check: trust level 3.
     */
    public static UUID levelThree(
            org.springframework.context.ApplicationContext context, String idNumber, String name) {
        var account = register(
                context.getBean(Registration.class),
                context.getBean(DevelopmentOutbox.class),
                new RegisterCitizen(idNumber, name, TestPeople.phone(), TestPeople.PASSWORD));
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql(
                        "insert into identity.population_register (id_number_idx, name) values (:idx, :name) on conflict do nothing")
                .param(
                        "idx",
                        context.getBean(org.tongban.platform.FieldProtection.class)
                                .blindIndex(idNumber, "identity.person.id_number"))
                .param("name", name)
                .update();
        if (context.getBean(TrustLevelProof.class)
                        .verifyIdentity(account, org.tongban.identity.internal.DemoFaceVerification.PASS)
                != 3) {
            throw new AssertionError("not raised to level 3");
        }
        return account;
    }
}
