package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tongban.WebClient;
import org.tongban.identity.PasskeyPeople.Person;

/**
 * The steps of a family grant (ADR 0043) through the real pages, for the tests of identity and of the modules that use
 * family grants (the health code): the principal authorises, both confirm with their passkeys.
 */
public final class FamilySteps {

    static final Pattern GRANT = Pattern.compile("/citizen/family/([0-9a-f-]{36})");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private FamilySteps() {}

    /** The principal's authorisation form, sent: the relative is the principal's child (子女). */
    public static WebClient.Page authorise(Person principal, Person relative, List<String> scopes, String validTo) {
        principal.web().get("/citizen/family/new");
        var form = new ArrayList<Map.Entry<String, String>>();
        form.add(Map.entry("name", relative.name()));
        form.add(Map.entry("idNumber", relative.idNumber()));
        form.add(Map.entry("relationship", "CHILD"));
        scopes.forEach(s -> form.add(Map.entry("scope", s)));
        form.add(Map.entry("validTo", validTo));
        return principal.web().postAll("/citizen/family", form);
    }

    /** A grant proposed for a year, not yet confirmed: its id. */
    public static String proposed(Person principal, Person relative, List<String> scopes) {
        var answer = authorise(
                principal, relative, scopes, LocalDate.now(ZONE).plusYears(1).toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        var m = GRANT.matcher(answer.location());
        assertThat(m.find()).as(answer.location()).isTrue();
        return m.group(1);
    }

    /** The person's passkey step (confirm or accept) on the grant, through the page's endpoints. */
    public static WebClient.Page step(Person who, String grant) throws Exception {
        assertThat(who.web().get("/citizen/family/" + grant).status()).isEqualTo(200);
        var options = who.web().json("POST", "/citizen/family/" + grant + "/options", null);
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        assertThat(options.body()).contains("\"userVerification\":\"required\"");
        return who.web().json("POST", "/citizen/family/" + grant + "/confirm", who.assertionFor(options.body()));
    }

    /** A grant in force: proposed, confirmed by the principal, accepted by the relative. */
    public static String inForce(Person principal, Person relative, List<String> scopes) throws Exception {
        var grant = proposed(principal, relative, scopes);
        assertThat(step(principal, grant).status()).isEqualTo(200);
        assertThat(step(relative, grant).status()).isEqualTo(200);
        return grant;
    }
}
