package org.tongban.workbench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A module's contribution to the unified to-do (ADR 0040): a bean in the contributing module, which the workbench
 * collects. Each method answers from the module's own indexed queries and is bounded: the workbench asks for the
 * first {@code limit} items and merges them, so a department with a million open items costs as much as one with
 * fifty. Every method answers for the owner only: another department's work never appears.
 */
public interface TodoProvider {

    /** How many items a count reads at most; a count at this cap is shown as "999+". */
    int COUNT_CAP = 1000;

    /** The source's stable name, lower case ({@code cases}, {@code documents}, {@code ratings}): the filter's value. */
    String source();

    /** The source's name in words, for the reader: 办件, 公文, 差评整改. */
    String label(Locale locale);

    /** Where the source is listed among the others (smaller first). */
    default int order() {
        return 100;
    }

    /**
     * The items waiting for the owner, the nearest deadline first (those without one last, oldest first), at most
     * {@code limit} of them.
     */
    List<TodoItem> waiting(TodoOwner owner, int limit);

    /** How many items wait for the owner, read up to {@link #COUNT_CAP}. */
    long count(TodoOwner owner);

    /** What the owner completed since {@code since} (the start of today), newest first, at most {@code limit}. */
    List<TodoItem> doneSince(TodoOwner owner, Instant since, int limit);
}
