package org.tongban.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongban.IntegrationTest;

/**
 * The pages and API of official documents: a draft refused on its fields with the input kept, a draft saved, another
 * department's draft not found on page, PDF and API, the lists, archive and completion pages.
 */
class DocumentPagesTests extends IntegrationTest {

    static Map<String, String> form(String title) {
        var f = new HashMap<String, String>();
        f.put("type", "NOTICE");
        f.put("issuerMark", "广州市市场监督管理局文件");
        f.put("title", title);
        f.put("mainRecipients", "440100-RS");
        f.put("body", "请认真贯彻执行页面测试的要求。");
        f.put("issuerSignature", "广州市市场监督管理局");
        f.put("printedBy", "广州市市场监督管理局办公室");
        f.put("sealKind", "SEALED");
        return f;
    }

    @Test
    void aDraftOnThePagesAndWhoSeesIt() {
        var web = signedIn("official");
        assertThat(web.get("/office").body()).contains("/office/documents");
        assertThat(web.get("/office/documents").status()).isEqualTo(200);
        assertThat(web.get("/office/documents/new").status()).isEqualTo(200);

        var missing = form("");
        missing.put("body", "保留这段正文");
        missing.remove("mainRecipients");
        var refused = web.post("/office/documents", missing);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("此项为必填要素").contains("请至少选择一个主送机关").contains("保留这段正文");

        var saved = web.post("/office/documents", form("关于页面测试的通知"));
        assertThat(saved.status()).isEqualTo(302);
        var path = saved.location();
        assertThat(path).startsWith("/office/documents/");
        var page = web.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("关于页面测试的通知").contains("送核稿");
        assertThat(web.get(path + "/document.pdf").status()).isEqualTo(200);
        var id = path.substring("/office/documents/".length());

        var other = signedIn("taxofficial");
        assertThat(other.get(path).status()).isEqualTo(404);
        assertThat(other.get(path + "/document.pdf").status()).isEqualTo(404);
        assertThat(other.json("GET", "/api/v1/office/documents/" + id, null).status())
                .isEqualTo(404);

        for (var p : new String[] {
            "/office/documents/incoming", "/office/documents/archive?title=通知", "/office/documents/completion"
        }) assertThat(web.get(p).status()).as(p).isEqualTo(200);
        assertThat(web.get("/office/documents/archive?from=notadate").body()).contains("日期格式应为");

        // The citizen has no documents at all.
        assertThat(signedIn("citizen").get("/office/documents").status()).isEqualTo(403);
    }

    @Test
    void theApiDraftsRefusesMissingElementsAndSignsOnlyForALeader() {
        var api = signedIn("official");
        api.get("/office/documents");
        var refused = api.json("POST", "/api/v1/office/documents", "{\"type\":\"NOTICE\",\"title\":\"\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("title").contains("mainRecipients").contains("body");
        var created = api.json("POST", "/api/v1/office/documents", """
                {"type":"LETTER","issuerMark":"广州市市场监督管理局","title":"关于接口测试的函",
                 "mainRecipients":["440100-SW"],"body":"请予协助。","issuerSignature":"广州市市场监督管理局",
                 "printedBy":"广州市市场监督管理局办公室"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(api.json("POST", "/api/v1/office/documents/" + id + "/submit", "{}")
                        .status())
                .isEqualTo(200);
        var checker = signedIn("official2");
        checker.get("/office/documents");
        assertThat(checker.json("POST", "/api/v1/office/documents/" + id + "/check", "{\"outcome\":\"pass\"}")
                        .status())
                .isEqualTo(200);
        var notLeader = checker.json("POST", "/api/v1/office/documents/" + id + "/sign", "{}");
        assertThat(notLeader.status()).isEqualTo(403);
        assertThat(notLeader.body()).contains("documents.error.notLeader");
        var leader = signedIn("deptadmin");
        leader.get("/office/documents");
        var signed = leader.json("POST", "/api/v1/office/documents/" + id + "/sign", "{\"opinion\":\"同意\"}");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.body()).containsPattern("穗市监函〔\\d{4}〕[1-9]\\d*号");
        assertThat(api.json("POST", "/api/v1/office/documents/" + id + "/seal", "{}")
                        .status())
                .isEqualTo(200);
        var seal = api.json("GET", "/api/v1/office/documents/" + id + "/seal", null);
        assertThat(seal.status()).isEqualTo(200);
        assertThat(seal.body()).contains("\"owner\":\"440100-SCJG\"").contains("BEGIN PUBLIC KEY");
    }
}
