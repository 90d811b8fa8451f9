package org.tongban.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.catalog.internal.ItemStore;

/**
 * The catalogue's API. Anyone may search and read published items. Changing items is the government manager's
 * duty (the caller checks {@code catalog:items-write}); every change is a new draft version, published as a
 * whole, so that a case keeps the version it was filed under.
 */
@Service
public class CatalogManagement {

    /** The values of an item's enumerated fields, in the order the edit page offers them (each has a label). */
    public static final List<String> TYPES = List.of(
            "LICENSING",
            "CONFIRMATION",
            "ADJUDICATION",
            "PAYMENT",
            "REWARD",
            "FILING",
            "OTHER_POWER",
            "PUBLIC_SERVICE");

    public static final List<String> LEVELS = List.of("NATIONAL", "PROVINCE", "CITY", "DISTRICT", "TOWN", "VILLAGE");
    public static final List<String> UNITS = List.of("WORKING_DAY", "NATURAL_DAY");
    public static final List<String> RESULTS = List.of("LICENCE", "CERTIFICATE", "APPROVAL", "PAYMENT", "OTHER");
    public static final List<String> CHANNELS = List.of("PERSON", "ENTERPRISE");

    private final ItemStore items;
    private final ApplicationEventPublisher events;

    CatalogManagement(ItemStore items, ApplicationEventPublisher events) {
        this.items = items;
        this.events = events;
    }

    /** Published items matching the search; from a copy in memory at most ten seconds old (ADR 0005). */
    public List<ItemSummary> search(ItemSearch search) {
        return items.search(search);
    }

    /** The published version of an item: its guide. */
    @Transactional(readOnly = true)
    public Optional<ItemView> guide(String code) {
        return items.find(code, "PUBLISHED");
    }

    /** A given version, published or not: what a case filed under it shows. */
    @Transactional(readOnly = true)
    public Optional<ItemView> version(String code, int version) {
        return items.find(code, version);
    }

    /** The draft of an item, if one is being edited. */
    @Transactional(readOnly = true)
    public Optional<ItemView> draft(String code) {
        return items.find(code, "DRAFT");
    }

    /** An item's newest version (its draft, when one is being edited), for the manager. */
    @Transactional(readOnly = true)
    public Optional<ItemView> newest(String code) {
        return items.newest(code);
    }

    /** Every item in its newest version, for the manager. */
    @Transactional(readOnly = true)
    public List<ItemView> newestVersions() {
        return items.newestVersions();
    }

    /** Departments with published items: code, Chinese name, English name. */
    @Transactional(readOnly = true)
    public List<String[]> departments() {
        return items.departments();
    }

    /**
     * Saves the manager's edit as the item's draft: the existing draft is updated, or a new draft version is made
     * from the newest version (materials included). The published version stays as it is until the draft is
     * published. Refused field by field when the change is invalid; nothing is written then.
     */
    @Transactional
    public int saveDraft(String code, ItemChange change, UUID manager) {
        validate(change);
        var draft = items.find(code, "DRAFT");
        int version;
        if (draft.isPresent()) {
            version = draft.get().version();
            items.updateDraft(code, change, manager);
        } else {
            var base = items.newest(code)
                    .orElseThrow(
                            () -> new CatalogInputException(java.util.Map.of("code", "catalog.error.unknownItem")));
            version = items.nextVersion(code);
            items.insert(
                    code,
                    version,
                    "DRAFT",
                    base.departmentCode(),
                    base.departmentZh(),
                    base.departmentEn(),
                    change,
                    manager);
            items.copyMaterials(code, base.version(), version);
            items.copyHandling(code, base.version(), version);
        }
        forgetAfterCommit();
        events.publishEvent(new ItemChanged(CatalogAudit.ITEM_DRAFT_SAVED, code, version, manager.toString()));
        return version;
    }

    /**
     * Sets how the draft is handled: its application form (JSON; blank for the simple default form), its process
     * model and, for joint approval, the departments reviewing in parallel with the lead department first. A draft is
     * opened from the newest version when there is none. Refused when the form is malformed, the process key is not
     * a key, or the departments do not start with the item's own; nothing is written then.
     */
    @Transactional
    public void saveHandling(
            String code, String processKey, List<String> jointDepartments, @Nullable String formJson, UUID manager) {
        saveHandling(code, processKey, jointDepartments, formJson, false, manager);
    }

    /** Sets the process model and the joint departments; the application form stays as it is (the form builder's). */
    @Transactional
    public void saveProcess(String code, String processKey, List<String> jointDepartments, UUID manager) {
        saveHandling(code, processKey, jointDepartments, null, true, manager);
    }

    private void saveHandling(
            String code,
            String processKey,
            List<String> jointDepartments,
            @Nullable String formJson,
            boolean keepForm,
            UUID manager) {
        var form = formJson == null || formJson.isBlank()
                ? null
                : FormDefinition.parse(formJson).toJson();
        if (!processKey.matches("[A-Za-z][A-Za-z0-9_-]{2,63}")) {
            throw new CatalogInputException(java.util.Map.of("processKey", "catalog.error.processKey"));
        }
        var base = items.newest(code)
                .orElseThrow(() -> new CatalogInputException(java.util.Map.of("code", "catalog.error.unknownItem")));
        var joint = jointDepartments.stream()
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .distinct()
                .toList();
        if (!joint.isEmpty()
                && (joint.size() < 2
                        || !joint.getFirst().equals(base.departmentCode())
                        || joint.stream().anyMatch(d -> !d.matches("[0-9]{6}-[A-Z]{2,6}")))) {
            throw new CatalogInputException(java.util.Map.of("jointDepartments", "catalog.error.jointDepartments"));
        }
        // Without a draft, the newest version is copied into one: handling changes are published like any other.
        int version = openDraft(code, manager);
        if (keepForm) items.setProcess(code, version, processKey, joint);
        else items.setHandling(code, version, processKey, joint, form);
        forgetAfterCommit();
        events.publishEvent(new ItemChanged(CatalogAudit.ITEM_DRAFT_SAVED, code, version, manager.toString()));
    }

    /** The search keywords and result names of the item's newest version, in that order (ADR 0025). */
    @Transactional(readOnly = true)
    public List<List<String>> searchTerms(String code) {
        return items.newest(code).map(v -> items.searchTerms(code, v.version())).orElse(List.of(List.of(), List.of()));
    }

    /**
     * Sets the draft's search keywords (the words people use for the item) and result names (the licences and
     * documents it yields), each at most 20 of at most 30 characters; a draft is opened from the newest version when
     * there is none, and the search reads them when it is published.
     */
    @Transactional
    public void saveSearchTerms(String code, List<String> keywords, List<String> results, UUID manager) {
        var base = items.newest(code)
                .orElseThrow(() -> new CatalogInputException(java.util.Map.of("code", "catalog.error.unknownItem")));
        var cleanKeywords = terms(keywords);
        var cleanResults = terms(results);
        if (cleanKeywords.size() > 20 || cleanKeywords.stream().anyMatch(t -> t.length() > 30)) {
            throw new CatalogInputException(java.util.Map.of("keywords", "catalog.terms.error"));
        }
        if (cleanResults.size() > 20 || cleanResults.stream().anyMatch(t -> t.length() > 30)) {
            throw new CatalogInputException(java.util.Map.of("results", "catalog.terms.error"));
        }
        int version = openDraft(code, manager);
        items.setSearchTerms(code, version, cleanKeywords, cleanResults);
        events.publishEvent(new ItemChanged(CatalogAudit.ITEM_SEARCH_TERMS_SAVED, code, version, manager.toString()));
    }

    /**
     * The item's draft version, opened from the newest version (materials, handling and form included) when there is
     * none; refused for an unknown item.
     */
    @Transactional
    public int openDraft(String code, UUID manager) {
        var base = items.newest(code)
                .orElseThrow(() -> new CatalogInputException(java.util.Map.of("code", "catalog.error.unknownItem")));
        return items.find(code, "DRAFT")
                .map(ItemView::version)
                .orElseGet(() -> saveDraft(code, unchanged(base), manager));
    }

    private static List<String> terms(List<String> typed) {
        return typed.stream()
                .flatMap(t -> java.util.Arrays.stream(t.split("[,，、;；\\n]+")))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }

    private static ItemChange unchanged(ItemView v) {
        return new ItemChange(
                v.nameZh(),
                v.nameEn(),
                v.itemType(),
                v.itemLevel(),
                v.legalBasis(),
                v.conditions(),
                v.statutoryLimit(),
                v.promisedLimit(),
                v.limitUnit(),
                v.visits(),
                v.onlineDepth(),
                v.fee(),
                v.resultType(),
                v.faq(),
                v.channels(),
                v.themes(),
                v.minTrustLevel());
    }

    /** Publishes the draft: the previously published version is superseded. Returns the published version. */
    @Transactional
    public int publish(String code, UUID manager) {
        var draft = items.find(code, "DRAFT")
                .orElseThrow(() -> new CatalogInputException(java.util.Map.of("code", "catalog.error.noDraft")));
        items.setStatus(code, "PUBLISHED", "SUPERSEDED", manager);
        items.setStatus(code, "DRAFT", "PUBLISHED", manager);
        forgetAfterCommit();
        events.publishEvent(new ItemChanged(CatalogAudit.ITEM_PUBLISHED, code, draft.version(), manager.toString()));
        return draft.version();
    }

    /** Withdraws the published version: the item leaves search and its guide; cases already filed keep theirs. */
    @Transactional
    public boolean withdraw(String code, UUID manager) {
        var published = items.find(code, "PUBLISHED");
        if (published.isEmpty()) return false;
        items.setStatus(code, "PUBLISHED", "WITHDRAWN", manager);
        forgetAfterCommit();
        events.publishEvent(new ItemChanged(
                CatalogAudit.ITEM_WITHDRAWN, code, published.get().version(), manager.toString()));
        return true;
    }

    /** Searches on this node see the change as soon as it has committed; other nodes within ten seconds. */
    private void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    items.forgetPublished();
                }
            });
        } else {
            items.forgetPublished();
        }
    }

    static void validate(ItemChange c) {
        var errors = problems(c);
        if (!errors.isEmpty()) throw new CatalogInputException(errors);
    }

    /** What is wrong with a change, field by field (empty when it is valid); a page adds its own before saving. */
    public static java.util.Map<String, String> problems(ItemChange c) {
        var errors = new HashMap<String, String>();
        if (blank(c.nameZh()) || c.nameZh().length() > 100) errors.put("nameZh", "catalog.error.name");
        if (blank(c.nameEn()) || c.nameEn().length() > 200) errors.put("nameEn", "catalog.error.name");
        if (!TYPES.contains(c.itemType())) errors.put("itemType", "catalog.error.choice");
        if (!LEVELS.contains(c.itemLevel())) errors.put("itemLevel", "catalog.error.choice");
        if (!UNITS.contains(c.limitUnit())) errors.put("limitUnit", "catalog.error.choice");
        if (!RESULTS.contains(c.resultType())) errors.put("resultType", "catalog.error.choice");
        if (c.statutoryLimit() < 1 || c.statutoryLimit() > 3650) errors.put("statutoryLimit", "catalog.error.limit");
        if (c.promisedLimit() < 1 || c.promisedLimit() > c.statutoryLimit())
            errors.put("promisedLimit", "catalog.error.promised");
        if (c.visits() < 0 || c.visits() > 9) errors.put("visits", "catalog.error.visits");
        if (c.onlineDepth() < 1 || c.onlineDepth() > 4) errors.put("onlineDepth", "catalog.error.depth");
        if (c.minTrustLevel() < 2 || c.minTrustLevel() > 5) errors.put("minTrustLevel", "catalog.error.trust");
        if (c.channels().isEmpty() || !CHANNELS.containsAll(c.channels()))
            errors.put("channels", "catalog.error.channels");
        if (!c.themes().stream().allMatch(t -> t.matches("^[A-Z_]{2,32}$")))
            errors.put("themes", "catalog.error.themes");
        if (blank(c.legalBasis())) errors.put("legalBasis", "catalog.error.required");
        if (blank(c.conditions())) errors.put("conditions", "catalog.error.required");
        if (blank(c.fee())) errors.put("fee", "catalog.error.required");
        return errors;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
