package org.tongban.licenses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tongban.IntegrationTest;

/**
 * Issue 11, finding 11, the licenses' siblings of the cases' per-object addresses: another holder's license, and an
 * unknown one, answer 404 on every page and call of the wallet, the show token, the PDF copy and the grants.
 */
class OtherPeoplesLicensesTests extends IntegrationTest {

    private static final Pattern IDENTIFIER = Pattern.compile("\"identifier\":\"([^\"]+)\"");

    @Test
    void anotherHolderGetsNotFound() {
        var owner = signedIn("citizen");
        var mine = owner.json("GET", "/api/v1/licenses/mine", null);
        var m = IDENTIFIER.matcher(mine.body());
        assertThat(m.find()).as(mine.body()).isTrue();
        var theirs = m.group(1);
        assertThat(owner.get("/citizen/licenses/" + theirs).status()).isEqualTo(200);

        for (var id : new String[] {theirs, "NO-SUCH-LICENSE"}) {
            var other = signedIn("citizen2");
            var answers = new LinkedHashMap<String, Integer>();
            answers.put("page", other.get("/citizen/licenses/" + id).status());
            answers.put(
                    "show page", other.get("/citizen/licenses/" + id + "/show").status());
            answers.put(
                    "pdf", other.get("/citizen/licenses/" + id + "/license.pdf").status());
            answers.put(
                    "grants page",
                    other.get("/citizen/licenses/" + id + "/grants").status());
            other.get("/citizen/licenses");
            answers.put(
                    "show",
                    other.post("/citizen/licenses/" + id + "/show", Map.of()).status());
            answers.put(
                    "grant",
                    other.post("/citizen/licenses/" + id + "/grants", Map.of("department", "440100-SCJG"))
                            .status());
            answers.put("api", other.json("GET", "/api/v1/licenses/" + id, null).status());
            answers.put(
                    "api show",
                    other.json("POST", "/api/v1/licenses/" + id + "/show", "{}").status());
            answers.put(
                    "api grants",
                    other.json("GET", "/api/v1/licenses/" + id + "/grants", null)
                            .status());
            answers.put(
                    "api grants log",
                    other.json("GET", "/api/v1/licenses/" + id + "/grants/log", null)
                            .status());
            assertThat(answers)
                    .as(id)
                    .allSatisfy((what, status) -> assertThat(status).as(what).isEqualTo(404));
        }
    }
}
