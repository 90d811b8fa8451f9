package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.bench.SoftwareAuthenticator;

/**
 * People for the tests of acts confirmed with a passkey (agent grants, family grants): a verified account (trust level
 * 3) signed in on its own client, with a software authenticator as its phone and a passkey registered.
 */
public final class PasskeyPeople {

    /** The challenge in a passkey request options answer. */
    public static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]+)\"");

    public record Person(UUID account, String idNumber, String name, WebClient web, SoftwareAuthenticator passkey) {

        /** This person's passkey assertion of the challenge in the options answer. */
        public String assertionFor(String options) throws Exception {
            return passkey.assertion(PasskeySignInTests.find(CHALLENGE, options));
        }
    }

    private PasskeyPeople() {}

    public static Person person(ApplicationContext context, String base, String name) throws Exception {
        return person(context, base, name, TestPeople.idNumber());
    }

    public static Person person(ApplicationContext context, String base, String name, String idNumber)
            throws Exception {
        var account = TestRegistration.levelThree(context, idNumber, name);
        var web = new WebClient(base);
        web.signIn(idNumber, TestPeople.PASSWORD);
        var passkey = new SoftwareAuthenticator(URI.create(base).getHost(), base);
        assertThat(PasskeySignInTests.register(web, passkey).body()).contains("\"success\":true");
        return new Person(account, idNumber, name, web, passkey);
    }
}
