package org.tongban.catalog.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.catalog.ItemSummary;
import org.tongban.catalog.ItemView;

/** The public catalogue for apps: search and guides. Open to anyone, as the catalogue is public information. */
@RestController
@RequestMapping("/api/v1/catalog/items")
@Tag(name = "Catalogue")
class CatalogApiController {

    private final CatalogManagement catalog;

    CatalogApiController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(
            summary = "Search published service items by text and filters, best first",
            description = "The text matches item names (Chinese substrings, English words, pinyin such as shbzk),"
                    + " keywords, the licences and documents an item issues, and the department, also through the"
                    + " managers' synonym list (社保, 驾照, 开公司, shebao); exact names first (ADR 0025).")
    List<ItemSummary> search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "false") boolean zeroVisit,
            @RequestParam(defaultValue = "50") int limit) {
        return catalog.search(new ItemSearch(q, theme, department, channel, zeroVisit, limit));
    }

    @GetMapping("/{code}")
    @Operation(summary = "The guide of a published item, with its materials")
    ItemView guide(@PathVariable String code) {
        return catalog.guide(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
