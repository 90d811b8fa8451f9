package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.cases.internal.DeadlineState;
import org.tongban.cases.internal.InboxRow;
import org.tongban.cases.internal.InboxSearch;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.platform.PlatformCalendar;

/**
 * Issue 11, finding 9: the officials' inbox finds a case by its number, the applicant's name or the item, filters
 * by step, sorts by deadline (the default), filing time or item, pages in a stable order, names the applicant
 * (masked) and shows the acceptance limit; another department's case never appears, whatever is searched.
 */
class OfficeInboxSearchTests extends IntegrationTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    PlatformCalendar calendar;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private String file(String itemName, UUID applicant) {
        var item = catalog.search(ItemSearch.of(itemName)).getFirst().code();
        return cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
    }

    private static UUID accountOf(String login) {
        var me = signedIn(login).json("GET", "/api/v1/me", null).body();
        return UUID.fromString(me.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }

    private InboxSearch.InboxPage find(UUID official, String words, InboxSearch.Sort sort, int page) {
        return handling.inbox(official, new InboxSearch.Query(null, false, words, sort, page), ZH);
    }

    private java.util.List<InboxRow> everyPage(UUID official, String words, InboxSearch.Sort sort) {
        var all = new ArrayList<InboxRow>();
        var first = find(official, words, sort, 1);
        all.addAll(first.rows());
        for (int p = 2; p <= first.pages(); p++)
            all.addAll(find(official, words, sort, p).rows());
        return all;
    }

    @Test
    void findsByCaseNumberApplicantNameAndItemAndShowsTheMaskedNameAndTheAcceptanceLimit() {
        var official = accountOf("official");
        var zhang = accountOf("citizen"); // 张三
        var wang = accountOf("enterprise"); // 王五
        var zhangs = file("个体工商户设立登记", zhang);
        var wangs = file("特种设备使用登记", wang);

        var byNumber = find(official, zhangs, InboxSearch.Sort.DEADLINE, 1);
        assertThat(byNumber.rows()).extracting(InboxRow::caseNumber).containsExactly(zhangs);
        var row = byNumber.rows().getFirst();
        assertThat(row.applicantName()).isEqualTo("张*");
        // Not accepted yet: the acceptance limit, five working days from filing (行政许可法 §32), runs.
        var filed = LocalDate.ofInstant(row.submittedAt(), ZoneId.of("Asia/Shanghai"));
        assertThat(row.acceptBy()).isEqualTo(calendar.addWorkingDays(filed, 5));
        assertThat(row.deadlineDate()).isEqualTo(row.acceptBy());
        assertThat(row.deadline()).isEqualTo(DeadlineState.ON_TRACK);

        var byName = everyPage(official, "张三", InboxSearch.Sort.DEADLINE);
        assertThat(byName).extracting(InboxRow::caseNumber).contains(zhangs).doesNotContain(wangs);
        assertThat(byName).extracting(InboxRow::applicantName).containsOnly("张*");

        var byItem = everyPage(official, "特种设备", InboxSearch.Sort.DEADLINE);
        assertThat(byItem).extracting(InboxRow::caseNumber).contains(wangs).doesNotContain(zhangs);
        // Two words narrow: the name and the item.
        assertThat(everyPage(official, "王五 特种设备", InboxSearch.Sort.DEADLINE))
                .extracting(InboxRow::caseNumber)
                .contains(wangs)
                .doesNotContain(zhangs);
        assertThat(find(official, "没有这样的办件", InboxSearch.Sort.DEADLINE, 1).total())
                .isZero();

        // The page shows the name and the limit in words, not the applicant's id.
        var page = signedIn("official").get("/office/inbox?q=" + zhangs).body();
        assertThat(page)
                .contains("张*")
                .contains("前受理")
                .contains("case-" + zhangs)
                .doesNotContain(zhang.toString());
        assertThat(page).doesNotContain("case-" + wangs);
    }

    @Test
    void anotherDepartmentsCaseNeverAppearsWhateverIsSearched() {
        var citizen = Applications.citizen(context);
        var policeCase = file("无犯罪记录证明", citizen); // 广州市公安局
        var official = accountOf("official"); // 广州市市场监督管理局
        assertThat(find(official, policeCase, InboxSearch.Sort.DEADLINE, 1).rows())
                .isEmpty();
        assertThat(everyPage(official, "无犯罪记录", InboxSearch.Sort.DEADLINE)).isEmpty();
        assertThat(everyPage(official, "", InboxSearch.Sort.SUBMITTED))
                .extracting(InboxRow::caseNumber)
                .doesNotContain(policeCase);
        assertThat(signedIn("official").get("/office/inbox?q=" + policeCase).body())
                .doesNotContain("case-" + policeCase);
        // The police see it.
        assertThat(find(accountOf("police"), policeCase, InboxSearch.Sort.DEADLINE, 1)
                        .rows())
                .extracting(InboxRow::caseNumber)
                .containsExactly(policeCase);
    }

    @Test
    void sortsAndPagesInAStableOrderWithEveryRowOnceAndFiltersByStep() {
        var official = accountOf("official");
        var applicant = accountOf("enterprise");
        while (find(official, "", InboxSearch.Sort.DEADLINE, 1).total() <= InboxSearch.PAGE_SIZE) {
            file("食品经营许可变更", applicant);
        }
        var first = find(official, "", InboxSearch.Sort.DEADLINE, 1);
        assertThat(first.pages()).isGreaterThanOrEqualTo(2);
        assertThat(first.rows()).hasSize(InboxSearch.PAGE_SIZE);

        for (var sort : InboxSearch.Sort.values()) {
            var all = everyPage(official, "", sort);
            assertThat(all).hasSize(first.total());
            var keys = new HashSet<String>();
            for (var r : all)
                assertThat(keys.add(r.caseNumber() + " " + r.step())).isTrue();
            // The same query twice gives the same order.
            assertThat(everyPage(official, "", sort)).isEqualTo(all);
            if (sort == InboxSearch.Sort.DEADLINE) {
                assertThat(all)
                        .extracting(InboxRow::deadlineDate)
                        .isSortedAccordingTo(Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()));
            }
            if (sort == InboxSearch.Sort.SUBMITTED) {
                assertThat(all).extracting(InboxRow::submittedAt).isSorted();
            }
        }
        // Past the last page shows the last page; the page links carry the search and the order.
        var last = find(official, "", InboxSearch.Sort.DEADLINE, 9999);
        assertThat(last.page()).isEqualTo(first.pages());
        var html =
                signedIn("official").get("/office/inbox?sort=submitted&page=2").body();
        assertThat(html).contains("id=\"page-prev\"").contains("sort=submitted");
        assertThat(signedIn("official")
                        .get("/office/inbox?page=abc&sort=nonsense")
                        .status())
                .isEqualTo(200);

        var accepting =
                handling.inbox(official, new InboxSearch.Query("accept", false, "", InboxSearch.Sort.DEADLINE, 1), ZH);
        assertThat(accepting.rows()).isNotEmpty().extracting(InboxRow::step).containsOnly("accept");
    }
}
