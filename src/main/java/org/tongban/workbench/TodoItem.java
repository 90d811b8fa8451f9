package org.tongban.workbench;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One thing waiting for the official (or, in "done today", one she completed), as its module words it.
 *
 * @param source the providing module's {@link TodoProvider#source()}
 * @param key what the item is within its source (a case number and step, a document id and step): tells items apart
 *     and is never shown
 * @param title what it is about, in words in the reader's language (an item's name and its case number, a
 *     document's title)
 * @param action what is to be done (or was done), in words: 受理, 核稿, 签收, 整改
 * @param href the page where it is done
 * @param deadline the last day, where the source has one; items without one sort last
 * @param since since when it waits (or when it was done); the order among equal deadlines
 */
public record TodoItem(
        String source,
        String key,
        String title,
        String action,
        String href,
        @Nullable LocalDate deadline,
        Instant since) {}
