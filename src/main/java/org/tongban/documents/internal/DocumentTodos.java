package org.tongban.documents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.workbench.SqlTodoProvider;
import org.tongban.workbench.TodoItem;
import org.tongban.workbench.TodoOwner;

/**
 * The documents' part of the unified to-do (ADR 0040): what waits for this official, as {@link OfficialDocuments#view}
 * offers it: her own drafts to send for checking, the department's drafts to check (核稿) that someone else wrote,
 * documents to countersign (会签) for the department, to sign (签发, a leader only), to seal (用印) and to dispatch
 * (分发); and documents received to sign for (签收), propose (拟办), instruct (批办, a leader only), handle (承办) and
 * conclude (办结). Documents carry no deadline, so they sort after dated items, the longest waiting first.
 *
 * <p>Each branch reads one range of the department's index ({@code document_department}, {@code receipt_department})
 * and is cut to the limit before the branches are merged. Countersigning asks for the department among a document's
 * invited ones, which that index cannot answer: it reads the documents being countersigned, which are few at any time.
 */
@Component
class DocumentTodos extends SqlTodoProvider {

    /** The steps an official records on her own department's documents that finish her part. */
    private static final List<String> DOCUMENT_STEPS = List.of(
            "SUBMIT",
            "CHECK",
            "CHECK_RETURNED",
            "COUNTERSIGN",
            "COUNTERSIGN_DISAGREED",
            "SIGN",
            "SIGN_RETURNED",
            "SEAL",
            "DISPATCH");
    /** The steps of a received document. */
    private static final List<String> RECEIPT_STEPS = List.of("SIGN_FOR", "PROPOSE", "INSTRUCT", "HANDLE", "CONCLUDE");

    /** A document state of the official's own department, as a branch: one range of {@code document_department}. */
    private static final String OWN = """
            (select 'D' as kind, d.id, d.title, d.status as state, d.updated_at as at from documents.document d
              where d.department = :dep and d.status = '%s'%s
              order by d.updated_at limit %d)""";

    /**
     * Documents waiting for the department's countersignature: the invited departments are an array the index cannot
     * search, so the branch reads the documents in {@code COUNTERSIGN} of every department through the index (few at
     * any time) and keeps those that invite this one.
     */
    private static final String COUNTERSIGN = """
            (select 'D', d.id, d.title, d.status, d.updated_at from documents.document d
              where d.department = any(:departments) and d.status = 'COUNTERSIGN' and :dep = any(d.countersigners)
                and not exists (select 1 from documents.countersignature c
                                 where c.document_id = d.id and c.department = :dep)
              order by d.updated_at limit %d)""";

    /** A received document's state, as a branch: one range of {@code receipt_department}. */
    private static final String RECEIVED = """
            (select 'R', r.id, d.title, r.status, r.delivered_at from documents.receipt r
               join documents.document d on d.id = r.document_id
              where r.department = :dep and r.status = '%s'
              order by r.delivered_at limit %d)""";

    /**
     * Every branch, each cut to {@code n} (a number written into the statement, so that the plan knows it: a limit
     * given as a parameter is planned as a tenth of the table).
     */
    private static String waiting(boolean leader, int n) {
        var branches = new java.util.ArrayList<String>();
        branches.add(OWN.formatted("DRAFT", " and d.drafter = :me", n));
        branches.add(OWN.formatted("CHECK", " and d.drafter <> :me", n));
        branches.add(COUNTERSIGN.formatted(n));
        if (leader) branches.add(OWN.formatted("SIGN", "", n));
        branches.add(OWN.formatted("NUMBERED", "", n));
        branches.add(OWN.formatted("SEALED", "", n));
        for (var state : leader
                ? List.of("DELIVERED", "SIGNED_FOR", "PROPOSED", "INSTRUCTED", "HANDLED")
                : List.of("DELIVERED", "SIGNED_FOR", "INSTRUCTED", "HANDLED")) {
            branches.add(RECEIVED.formatted(state, n));
        }
        return String.join("\nunion all\n", branches);
    }

    private final Leaders leaders;
    private final org.tongban.identity.Departments departments;

    DocumentTodos(
            JdbcClient jdbc, Leaders leaders, org.tongban.identity.Departments departments, MessageSource messages) {
        super(jdbc, messages, "documents", "documents.todo.source", 20);
        this.leaders = leaders;
        this.departments = departments;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodoItem> waiting(TodoOwner owner, int limit) {
        int n = bounded(limit);
        return jdbc.sql("select * from (" + waiting(leader(owner), n) + ") w order by at, id limit " + n)
                .param("dep", owner.department())
                .param("me", owner.account())
                .param("departments", departmentCodes())
                .query((rs, i) -> {
                    var receipt = rs.getString("kind").equals("R");
                    var id = rs.getObject("id", UUID.class);
                    var state = rs.getString("state");
                    return new TodoItem(
                            source(),
                            (receipt ? "receipt/" : "document/") + id + "/" + state,
                            rs.getString("title"),
                            word("documents.todo.action." + state, state, owner.locale()),
                            (receipt ? "/office/documents/incoming/" : "/office/documents/") + id,
                            null,
                            rs.getTimestamp("at").toInstant());
                })
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(TodoOwner owner) {
        // Each branch counted up to the cap: the sum stays bounded however many documents the department holds.
        return jdbc.sql("select count(*) from (" + waiting(leader(owner), COUNT_CAP) + ") w")
                .param("dep", owner.department())
                .param("me", owner.account())
                .param("departments", departmentCodes())
                .query(Long.class)
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodoItem> doneSince(TodoOwner owner, Instant since, int limit) {
        return jdbc.sql("""
                        select * from (
                          (select 'D' as kind, s.document_id as id, d.title, s.step, s.at from documents.step s
                             join documents.document d on d.id = s.document_id
                            where s.actor = :me and s.at >= :since and s.step in (:doc)
                            order by s.at desc limit :n)
                          union all
                          (select 'R', s.receipt_id, d.title, s.step, s.at from documents.receipt_step s
                             join documents.receipt r on r.id = s.receipt_id
                             join documents.document d on d.id = r.document_id
                            where s.actor = :me and s.at >= :since and s.step in (:rec)
                            order by s.at desc limit :n)) x
                         order by at desc limit :n""")
                .param("me", owner.account())
                .param("since", Timestamp.from(since))
                .param("doc", DOCUMENT_STEPS)
                .param("rec", RECEIPT_STEPS)
                .param("n", limit)
                .query((rs, i) -> {
                    var receipt = rs.getString("kind").equals("R");
                    var id = rs.getObject("id", UUID.class);
                    var step = rs.getString("step");
                    var at = rs.getTimestamp("at").toInstant();
                    return new TodoItem(
                            source(),
                            (receipt ? "receipt/" : "document/") + id + "/" + step + "/" + at,
                            rs.getString("title"),
                            word("documents.step." + step, step, owner.locale()),
                            (receipt ? "/office/documents/incoming/" : "/office/documents/") + id,
                            null,
                            at);
                })
                .list();
    }

    private boolean leader(TodoOwner owner) {
        return leaders.isLeader(owner.department(), owner.account());
    }

    private String[] departmentCodes() {
        return departments.departments().stream()
                .map(org.tongban.identity.DepartmentView::code)
                .toArray(String[]::new);
    }

    /** A state's words; the state itself for one without (a state added later than its message). */
    private String word(String key, String fallback, Locale locale) {
        return java.util.Objects.requireNonNullElse(messages.getMessage(key, null, fallback, locale), fallback);
    }
}
