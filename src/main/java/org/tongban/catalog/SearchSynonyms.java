package org.tongban.catalog;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.audit.AuditRecord;
import org.tongban.catalog.internal.ItemStore;
import org.tongban.catalog.internal.SynonymStore;

/**
 * The synonym list the catalogue search reads (ADR 0025): the words people type (社保, 驾照, 开公司) and what the
 * item names call them. The government manager edits it (the caller checks {@code catalog:items-write}); every change
 * is audited, and this node's search reads the new list as soon as it commits, other nodes within ten seconds.
 */
@Service
public class SearchSynonyms {

    static final int MAX_LENGTH = 20;
    static final int MAX_EXPANSIONS = 10;

    private final SynonymStore store;
    private final ItemStore items;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SearchSynonyms(SynonymStore store, ItemStore items, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SearchSynonym> all() {
        return store.all();
    }

    /**
     * Adds a word or replaces what it expands to. {@code expansions} is what the manager typed: words separated by
     * commas (, ，、) or spaces. Refused field by field: an empty or over-long word, no expansion, more than ten, or
     * one that is the word itself.
     */
    @Transactional
    public void save(String term, String expansions, UUID manager) {
        var word = term == null ? "" : term.strip();
        var list = expansions == null
                ? List.<String>of()
                : Arrays.stream(expansions.split("[,，、;；\\s]+"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        if (word.isEmpty() || word.length() > MAX_LENGTH || word.contains(" ")) {
            throw new CatalogInputException(Map.of("term", "catalog.synonyms.error.term"));
        }
        if (list.isEmpty()
                || list.size() > MAX_EXPANSIONS
                || list.contains(word)
                || list.stream().anyMatch(s -> s.length() > MAX_LENGTH)) {
            throw new CatalogInputException(Map.of("expansions", "catalog.synonyms.error.expansions"));
        }
        boolean added = store.save(word, list, clock.instant(), manager);
        forgetAfterCommit();
        events.publishEvent(AuditRecord.success(
                added ? CatalogAudit.SYNONYM_ADDED : CatalogAudit.SYNONYM_CHANGED,
                manager.toString(),
                word,
                Map.of("expansions", String.join(",", list))));
    }

    /** Removes a word from the list; false when it was not there. */
    @Transactional
    public boolean remove(String term, UUID manager) {
        var word = term == null ? "" : term.strip();
        if (!store.remove(word)) return false;
        forgetAfterCommit();
        events.publishEvent(AuditRecord.success(CatalogAudit.SYNONYM_REMOVED, manager.toString(), word, Map.of()));
        return true;
    }

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
}
