package org.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/** Pages answer a request they cannot serve with 4xx and the friendly page, never a 500. */
class PageErrorTests extends IntegrationTest {

    @Autowired
    CatalogManagement catalog;

    @Test
    void aPlainFormWhereAnUploadIsExpectedIsA400Page() {
        var manager = signedIn("manager");
        manager.get("/console/processes");
        var answer = manager.post("/console/processes", Map.of());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("请求有误");
    }

    @Test
    void aCatalogueEditThatLeavesOutItsTextFieldsIsRefusedFieldByField() {
        var item = catalog.search(ItemSearch.of("护士执业注册")).getFirst();
        var manager = signedIn("manager");
        manager.get("/console/catalog/" + item.code());
        var form = new HashMap<String, String>(Map.of(
                "statutoryLimit",
                "20",
                "promisedLimit",
                "10",
                "visits",
                "0",
                "onlineDepth",
                "4",
                "minTrustLevel",
                "2"));
        var answer = manager.post("/console/catalog/" + item.code(), form);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(catalog.draft(item.code())).isEmpty();
    }

    @Test
    void editingAnItemThatDoesNotExistIsA404Page() {
        var manager = signedIn("manager");
        manager.get("/console/catalog");
        var form = new HashMap<String, String>(Map.of(
                "nameZh",
                "某事项",
                "statutoryLimit",
                "20",
                "promisedLimit",
                "10",
                "visits",
                "0",
                "onlineDepth",
                "4",
                "minTrustLevel",
                "2"));
        var answer = manager.post("/console/catalog/NO-SUCH-ITEM", form);
        assertThat(answer.status()).isEqualTo(404);
    }
}
