package org.tongban.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.tongban.IntegrationTest;
import org.tongban.documents.internal.OfficialDocuments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The unified to-do (ADR 0040) on the page and the API: items of cases, documents and rectifications in deadline
 * order with their counts, the filter by source, another department's official who sees none of them, a citizen
 * refused, and what the official completed today.
 */
class UnifiedTodoTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @Autowired
    OfficialDocuments documents;

    private static JsonNode todo(org.tongban.WebClient web, String query) {
        var answer = web.json("GET", "/api/v1/office/todo" + query, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static Map<String, Long> counts(JsonNode todo) {
        var out = new HashMap<String, Long>();
        for (var c : todo.get("counts"))
            out.put(c.get("source").asString(), c.get("count").asLong());
        return out;
    }

    private static List<String> titles(JsonNode items) {
        var out = new ArrayList<String>();
        for (var i : items) out.add(i.get("title").asString());
        return out;
    }

    private static int indexOf(List<String> titles, String part) {
        for (int i = 0; i < titles.size(); i++) if (titles.get(i).contains(part)) return i;
        return -1;
    }

    @Test
    void theOfficialSeesTheThreeSourcesByDeadlineWithTheirCounts() {
        var web = signedIn("transportofficial");
        var before = counts(todo(web, ""));
        var made = new TodoFixtures(context).make();

        var after = todo(web, "");
        var counts = counts(after);
        assertThat(counts.get("cases")).isEqualTo(before.get("cases") + 1);
        assertThat(counts.get("documents")).isEqualTo(before.get("documents") + 1);
        assertThat(counts.get("ratings")).isEqualTo(before.get("ratings") + 1);
        assertThat(after.get("total").asLong())
                .isEqualTo(counts.values().stream().mapToLong(Long::longValue).sum());

        var titles = titles(after.get("items"));
        int rectification = indexOf(titles, made.ratedCase());
        int kase = indexOf(titles, made.waitingCase());
        int document = indexOf(titles, made.documentTitle());
        assertThat(rectification).as(titles.toString()).isNotNegative();
        // The rectification is due in one working day, the case's acceptance in five, the document has no deadline.
        assertThat(rectification).isLessThan(kase);
        assertThat(kase).isLessThan(document);
        var items = after.get("items");
        assertThat(items.get(rectification).get("source").asString()).isEqualTo("ratings");
        assertThat(items.get(rectification).get("sourceLabel").asString()).isEqualTo("差评整改");
        assertThat(items.get(rectification).get("timeLeft").asString()).matches("剩 1 个工作日|今天到期");
        assertThat(items.get(rectification).get("href").asString())
                .isEqualTo("/office/rectifications/" + made.rectification());
        assertThat(items.get(kase).get("title").asString()).startsWith(TodoFixtures.ITEM);
        assertThat(items.get(kase).get("timeLeft").asString()).matches("剩 [1-5] 个工作日");
        assertThat(items.get(kase).get("action").asString()).isEqualTo("待受理");
        assertThat(items.get(kase).get("href").asString()).isEqualTo("/office/cases/" + made.waitingCase());
        assertThat(items.get(document).get("action").asString()).isEqualTo("核稿");
        assertThat(items.get(document).get("timeLeft").asString()).isEqualTo("无期限");
        assertThat(items.get(document).get("href").asString()).isEqualTo("/office/documents/" + made.document());
        // Dated items in order: nothing dated comes after one without a deadline.
        String last = "";
        boolean undated = false;
        for (var i : items) {
            var due = i.get("deadline");
            if (due == null || due.isNull()) undated = true;
            else {
                assertThat(undated).as("a dated item after an undated one").isFalse();
                assertThat(due.asString()).isGreaterThanOrEqualTo(last);
                last = due.asString();
            }
        }

        // The filter keeps one source; the counts stay those of every source.
        var onlyDocuments = todo(web, "?source=documents");
        assertThat(onlyDocuments.get("source").asString()).isEqualTo("documents");
        assertThat(titles(onlyDocuments.get("items"))).contains(made.documentTitle());
        for (var i : onlyDocuments.get("items"))
            assertThat(i.get("source").asString()).isEqualTo("documents");
        assertThat(counts(onlyDocuments)).isEqualTo(counts);
        assertThat(todo(web, "?source=nonsense").path("source").isMissingNode()).isTrue();

        // The page: the header stays, the rows carry the titles, their source and time left, the links stay.
        var page = web.get("/office");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("广州市交通运输局")
                .contains(made.documentTitle())
                .contains(made.waitingCase())
                .contains("差评整改：")
                .contains("无期限")
                .contains("/office/inbox")
                .contains("/office/documents");
        var filtered = web.get("/office?source=ratings");
        assertThat(filtered.body()).contains(made.ratedCase()).doesNotContain(made.documentTitle());
        assertThat(web.english().get("/office").body()).contains("My to-do").contains("No deadline");

        // Another department's official sees none of it, on the page or the API.
        var tax = signedIn("taxofficial");
        var theirs = tax.get("/office").body();
        assertThat(theirs).doesNotContain(made.documentTitle()).doesNotContain(made.waitingCase());
        assertThat(titles(todo(tax, "").get("items")))
                .noneMatch(t -> t.contains(made.documentTitle())
                        || t.contains(made.waitingCase())
                        || t.contains(made.ratedCase()));
    }

    @Test
    void whatTheOfficialCompletedTodayIsListedAsDone() {
        var made = new TodoFixtures(context).make();
        var web = signedIn("transportofficial");
        // transportofficial accepted and reviewed the rated case today.
        var done = titles(todo(web, "").get("doneToday"));
        assertThat(done.stream().filter(t -> t.contains(made.ratedCase())).count())
                .isGreaterThanOrEqualTo(2);
        // Checking the draft takes it off the list and onto "done today".
        var me = new TodoFixtures(context).account("transportofficial");
        documents.check(me, made.document(), true, "同意");
        var after = todo(web, "");
        assertThat(titles(after.get("items"))).doesNotContain(made.documentTitle());
        assertThat(titles(after.get("doneToday"))).contains(made.documentTitle());
        assertThat(web.get("/office").body()).contains("今天已办").contains(made.documentTitle());
        // The colleague who decided it sees the approval among hers, not the other's steps.
        var colleague = titles(todo(signedIn("transportofficial2"), "").get("doneToday"));
        assertThat(colleague.stream().filter(t -> t.contains(made.ratedCase())).count())
                .isEqualTo(1);
    }

    @Test
    void aCitizenHasNoToDo() {
        var citizen = signedIn("citizen");
        assertThat(citizen.get("/office").status()).isEqualTo(403);
        assertThat(citizen.json("GET", "/api/v1/office/todo", null).status()).isEqualTo(403);
        assertThat(new org.tongban.WebClient(BASE)
                        .json("GET", "/api/v1/office/todo", null)
                        .status())
                .isEqualTo(401);
    }
}
