/**
 * The one catalogue of service items (事项目录): items with the national field set, their materials, versions,
 * themes and channels; search (Chinese substrings, pinyin, keywords, results and a synonym list the manager edits,
 * ADR 0025); the guide page (办事指南) of each item; and
 * the government manager's maintenance of items (draft, publish, withdraw). Owns the {@code catalog} schema.
 * API: {@link org.tongban.catalog.CatalogManagement}, {@link org.tongban.catalog.SearchSynonyms}, the {@code *Summary}/{@code *View} records, {@link org.tongban.catalog.ItemSearch}
 * and the events in this package.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "portal"})
@org.jspecify.annotations.NullMarked
package org.tongban.catalog;
