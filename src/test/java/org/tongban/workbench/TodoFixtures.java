package org.tongban.workbench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.documents.internal.OfficialDocuments;
import org.tongban.identity.internal.AccountStore;
import org.tongban.platform.PlatformManagement;
import org.tongban.ratings.RateCase;
import org.tongban.ratings.RatingManagement;

/**
 * Items of the three sources waiting for {@code transportofficial} of 广州市交通运输局 (a department few other tests
 * use), each made as the modules make them, with unique words to find them by: a case of 道路运输从业人员资格证 waiting
 * for acceptance, a draft by {@code transportofficial2} waiting for 核稿, and a rectification of a bad rating of a
 * case the department concluded (which {@code transportofficial} accepted and reviewed today).
 */
public final class TodoFixtures {

    public static final String ITEM = "道路运输从业人员资格证";

    /** What was made: the waiting case's number, the document's title, the rated case's number. */
    public record Made(String waitingCase, String documentTitle, String ratedCase, UUID document, UUID rectification) {}

    private final ApplicationContext context;

    public TodoFixtures(ApplicationContext context) {
        this.context = context;
    }

    public UUID account(String login) {
        return context.getBean(AccountStore.class)
                .findByIdentifier(login)
                .orElseThrow()
                .id();
    }

    /**
     * Makes the three items. The rectification's deadline is one working day (the setting, restored after), so it
     * comes before the case's five-day acceptance limit; the document has no deadline and comes after both.
     */
    public Made make() {
        var cases = context.getBean(CaseManagement.class);
        var handling = context.getBean(CaseHandling.class);
        var catalog = context.getBean(CatalogManagement.class);
        var ratings = context.getBean(RatingManagement.class);
        var platform = context.getBean(PlatformManagement.class);
        var documents = context.getBean(OfficialDocuments.class);
        var item = catalog.search(ItemSearch.of(ITEM)).getFirst().code();
        var citizen = Applications.citizen(context);
        var official = account("transportofficial");
        var official2 = account("transportofficial2");

        var rated = cases.submit(Applications.valid(
                cases, catalog, item, citizen, UUID.randomUUID().toString()));
        handling.act(official, rated, CaseAction.ACCEPT, "材料齐全");
        handling.act(official, rated, CaseAction.REVIEWED, "");
        handling.act(official2, rated, CaseAction.APPROVE, "准予");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> ratings.view(rated, citizen) != null);
        var operator = account("operator");
        UUID rectification;
        try {
            platform.change(RatingManagement.DEADLINE_SETTING, "1", operator);
            ratings.rate(new RateCase(rated, citizen, 1, 1, 2, 2, 2, 2, "窗口说明不清楚"));
            rectification = ratings.openRectifications(official).stream()
                    .filter(r -> r.caseNumber().equals(rated))
                    .findFirst()
                    .orElseThrow()
                    .id();
        } finally {
            platform.change(RatingManagement.DEADLINE_SETTING, "5", operator);
        }

        var waiting = cases.submit(Applications.valid(
                cases, catalog, item, citizen, UUID.randomUUID().toString()));

        var title = "关于" + uniqueWords() + "统一待办测试的通知";
        var document = documents.draft(official2, form(title));
        documents.submit(official2, document);
        return new Made(waiting, title, rated, document, rectification);
    }

    /** Six characters drawn at random: words, not digits, so that the title reads as a title. */
    static String uniqueWords() {
        var pool = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬梅兰竹菊松柏";
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var out = new StringBuilder();
        for (int i = 0; i < 6; i++) out.append(pool.charAt(random.nextInt(pool.length())));
        return out.toString();
    }

    static Map<String, List<String>> form(String title) {
        var f = new HashMap<String, List<String>>();
        f.put("type", List.of("NOTICE"));
        f.put("issuerMark", List.of("广州市交通运输局文件"));
        f.put("title", List.of(title));
        f.put("mainRecipients", List.of("440100-RS"));
        f.put("body", List.of("请按时完成统一待办的测试工作。"));
        f.put("issuerSignature", List.of("广州市交通运输局"));
        f.put("printedBy", List.of("广州市交通运输局办公室"));
        f.put("sealKind", List.of("SEALED"));
        return f;
    }
}
