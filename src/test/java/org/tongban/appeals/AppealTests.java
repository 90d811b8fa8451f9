package org.tongban.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.appeals.internal.Appeals;
import org.tongban.appeals.internal.OfficeAppeals;
import org.tongban.appeals.internal.Requesters;
import org.tongban.identity.Enterprises;
import org.tongban.identity.internal.AccountStore;
import org.tongban.shared.Refusal;
import org.tongban.workbench.TodoItem;
import org.tongban.workbench.TodoOwner;
import org.tongban.workbench.TodoProvider;

/**
 * 政企互动: field errors keep the input and write nothing; routing by category and the requester's city; another
 * department's official and another requester are told not found (audited); transfer needs a reason; reply, rate,
 * reopen once and not twice; the department's to-do lists what waits.
 */
class AppealTests extends IntegrationTest {

    @Autowired
    Appeals appeals;

    @Autowired
    OfficeAppeals office;

    @Autowired
    Requesters requesters;

    @Autowired
    Enterprises enterprises;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<TodoProvider> providers;

    UUID id(String login) {
        return accounts.findByIdentifier(login).orElseThrow().id();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    long audited(String code, UUID subject) {
        return jdbc.sql("select count(*) from audit.audit_event where code = :c and subject = :s")
                .param("c", code)
                .param("s", subject.toString())
                .query(Long.class)
                .single();
    }

    String departmentOf(UUID request) {
        return jdbc.sql("select department_code from appeals.request where id = :id")
                .param("id", request)
                .query(String.class)
                .single();
    }

    UUID citizenRequest(String login, String category, String title) {
        return appeals.submit(
                requesters.person(id(login)),
                Map.of("kind", "COMPLAINT", "category", category, "title", title, "body", "店家出售过期食品，请依法查处。"));
    }

    @Test
    void aFormWithErrorsIsDrawnAgainWithTheInputKeptAndNothingWritten() {
        var web = signedIn("citizen");
        web.get("/citizen/requests/new");
        var title = unique("字段错误");
        var page =
                web.post("/citizen/requests", Map.of("kind", "", "category", "MARKET", "title", title, "body", "太短"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains(title, "请选择类型。", "内容至少 10 个字。", "太短");
        assertThat(jdbc.sql("select count(*) from appeals.request where title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> appeals.submit(
                        requesters.person(id("citizen")),
                        Map.of("kind", "REQUEST", "category", "NOPE", "title", "", "body", "x".repeat(2001))))
                .isInstanceOfSatisfying(
                        InvalidAppealException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("category", "appeals.error.category")
                                .containsEntry("title", "appeals.error.title.blank")
                                .containsEntry("body", "appeals.error.body.long"));
    }

    @Test
    void requestsAreRoutedByCategoryAndTheRequestersCity() {
        assertThat(departmentOf(citizenRequest("citizen", "TAX", unique("税费")))).isEqualTo("440100-SW");
        var me = id("enterprise");
        var company = enterprises.actingFor(me).getFirst();
        var web = signedIn("enterprise");
        web.get("/business/requests/new");
        var title = unique("企业诉求");
        var page = web.post(
                "/business/requests",
                Map.of("kind", "REQUEST", "category", "MARKET", "title", title, "body", "希望简化食品经营许可的变更手续。"));
        assertThat(page.status()).isEqualTo(302);
        var row = jdbc.sql("select department_code, credit_code from appeals.request where title = :t")
                .param("t", title)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        assertThat(row.get(0)).isEqualTo("440100-SCJG");
        assertThat(row.get(1))
                .isIn(enterprises.actingFor(me).stream()
                        .map(e -> e.creditCode())
                        .toList());
        assertThat(company).isNotNull();
        assertThat(web.get(page.location()).body()).contains(title, "市场监督管理局");
    }

    @Test
    void anotherDepartmentsOfficialAndAnotherRequesterAreToldNotFound() {
        var request = citizenRequest("citizen", "MARKET", unique("他人"));
        assertThatThrownBy(() -> office.one(id("taxofficial"), request))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
        assertThat(signedIn("taxofficial").get("/office/requests/" + request).status())
                .isEqualTo(404);
        assertThatThrownBy(() -> appeals.own(id("citizen2"), null, request)).isInstanceOf(AppealRefusedException.class);
        assertThat(signedIn("citizen2").get("/citizen/requests/" + request).status())
                .isEqualTo(404);
        assertThat(audited("APPEAL_REFUSED", request)).isGreaterThanOrEqualTo(3);
        assertThat(signedIn("citizen").get("/citizen/requests/" + request).status())
                .isEqualTo(200);
        assertThat(signedIn("official").get("/office/requests/" + request).status())
                .isEqualTo(200);
    }

    @Test
    void aTransferNeedsAReasonAndMovesTheRequest() {
        var request = citizenRequest("citizen", "MARKET", unique("转办"));
        var official = id("official");
        assertThatThrownBy(() -> office.transfer(official, request, "440100-SW", "  "))
                .isInstanceOfSatisfying(
                        InvalidAppealException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        assertThatThrownBy(() -> office.transfer(official, request, "440100-SCJG", "本部门"))
                .isInstanceOf(InvalidAppealException.class);
        assertThat(departmentOf(request)).isEqualTo("440100-SCJG");
        office.transfer(official, request, "440100-SW", "涉及发票问题，属税务部门职责");
        assertThat(departmentOf(request)).isEqualTo("440100-SW");
        assertThat(office.one(id("taxofficial"), request).status()).isEqualTo("SUBMITTED");
        assertThatThrownBy(() -> office.one(official, request)).isInstanceOf(AppealRefusedException.class);
        assertThat(office.events(request)).extracting(e -> e.note()).contains("涉及发票问题，属税务部门职责");
    }

    @Test
    void replyRateAndReopenOnceButNotTwice() {
        var citizen = id("citizen");
        var official = id("official");
        var request = citizenRequest("citizen", "MARKET", unique("重办"));
        assertThatThrownBy(() -> appeals.rate(citizen, null, request, "SATISFIED"))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT));
        office.accept(official, request);
        assertThatThrownBy(() -> office.reply(official, request, "短")).isInstanceOf(InvalidAppealException.class);
        office.reply(official, request, "已派员现场检查，责令下架过期食品并立案调查。");
        assertThat(appeals.own(citizen, null, request).reply()).contains("责令下架");
        appeals.rate(citizen, null, request, "UNSATISFIED");
        assertThatThrownBy(() -> appeals.reopen(citizen, null, request, "")).isInstanceOf(InvalidAppealException.class);
        appeals.reopen(citizen, null, request, "至今仍在出售，请再次核查。");
        var reopened = appeals.own(citizen, null, request);
        assertThat(reopened.status()).isEqualTo("ACCEPTED");
        assertThat(reopened.rating()).isNull();
        office.reply(official, request, "再次检查，已没收过期食品并处以罚款。");
        appeals.rate(citizen, null, request, "UNSATISFIED");
        assertThatThrownBy(() -> appeals.reopen(citizen, null, request, "还是不满意。"))
                .isInstanceOfSatisfying(
                        Refusal.class, e -> assertThat(e.messageKey()).isEqualTo("appeals.error.REOPENED_BEFORE"));
        assertThat(audited("APPEAL_REOPENED", request)).isEqualTo(1);
        assertThat(audited("APPEAL_RATED", request)).isEqualTo(2);
    }

    @Test
    void theDepartmentsToDoListsWaitingRequests() {
        var title = unique("待办");
        var request = citizenRequest("citizen", "MARKET", title);
        var todo = providers.stream()
                .filter(p -> p.source().equals("appeals"))
                .findFirst()
                .orElseThrow();
        var owner = new TodoOwner(id("official"), "440100-SCJG", Locale.CHINA);
        assertThat(todo.waiting(owner, 500)).extracting(TodoItem::key).contains(request.toString());
        assertThat(todo.waiting(new TodoOwner(id("taxofficial"), "440100-SW", Locale.CHINA), 500))
                .extracting(TodoItem::key)
                .doesNotContain(request.toString());
        assertThat(todo.count(owner)).isPositive();
        // The page shows the first 50 by deadline: in a shared database this request may be further down.
        assertThat(signedIn("official").get("/office?source=appeals").body()).contains("受理诉求");
        office.reply(id("official"), request, "已核实情况，依法处理，感谢监督。");
        assertThat(todo.waiting(owner, 500)).extracting(TodoItem::key).doesNotContain(request.toString());
        assertThat(todo.doneSince(owner, java.time.Instant.now().minusSeconds(600), 50))
                .extracting(TodoItem::key)
                .contains(request.toString());
    }

    @Test
    void theApiSubmitsRepliesAndRatesAndRefusesTheWrongDepartment() {
        var citizen = signedIn("citizen");
        citizen.get("/citizen/requests");
        var invalid =
                citizen.json("POST", "/api/v1/citizen/requests", "{\"kind\":\"REQUEST\",\"category\":\"MARKET\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("title", "body");
        var title = unique("接口");
        var created = citizen.json(
                "POST",
                "/api/v1/citizen/requests",
                "{\"kind\":\"SUGGESTION\",\"category\":\"MARKET\",\"title\":\"" + title
                        + "\",\"body\":\"建议延长农贸市场的营业时间。\"}");
        assertThat(created.status()).isEqualTo(201);
        var id = jdbc.sql("select id from appeals.request where title = :t")
                .param("t", title)
                .query(UUID.class)
                .single();
        var tax = signedIn("taxofficial");
        tax.get("/office");
        assertThat(tax.json("POST", "/api/v1/office/requests/" + id + "/reply", "{\"reply\":\"不是本部门的事情。\"}")
                        .status())
                .isEqualTo(404);
        var official = signedIn("official");
        official.get("/office");
        assertThat(official.get("/api/v1/office/requests").body()).contains(title);
        assertThat(official.json("POST", "/api/v1/office/requests/" + id + "/reply", "{\"reply\":\"已转告市场管理方研究，感谢建议。\"}")
                        .status())
                .isEqualTo(200);
        var rated = citizen.json("POST", "/api/v1/citizen/requests/" + id + "/rating", "{\"rating\":\"SATISFIED\"}");
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.body()).contains("满意");
        assertThat(citizen.json("POST", "/api/v1/citizen/requests/" + id + "/reopen", "{\"reason\":\"再看看\"}")
                        .status())
                .isEqualTo(409);
        assertThat(signedIn("citizen2").get("/api/v1/citizen/requests/" + id).status())
                .isEqualTo(404);
    }
}
