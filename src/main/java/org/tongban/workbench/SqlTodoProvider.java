package org.tongban.workbench;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The common trunk of a module's {@link TodoProvider} that answers from its own tables (ADR 0040): the source's name,
 * its label from the module's message bundle, its place among the others, and the bound of a page written into the
 * statement. A provider extends it and writes only its three queries. (No method here is final: a provider with
 * transactional methods is proxied by subclassing, and a final method would run on the proxy's empty fields.)
 */
public abstract class SqlTodoProvider implements TodoProvider {

    /** The most items one call reads, whatever the caller asks. */
    public static final int MAX_LIMIT = 500;

    protected final JdbcClient jdbc;
    protected final MessageSource messages;
    private final String source;
    private final String labelKey;
    private final int order;

    /**
     * @param source the source's stable name ({@link #source()})
     * @param labelKey the message key of its name in words
     * @param order where it is listed among the others
     */
    protected SqlTodoProvider(JdbcClient jdbc, MessageSource messages, String source, String labelKey, int order) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.source = source;
        this.labelKey = labelKey;
        this.order = order;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String label(Locale locale) {
        return messages.getMessage(labelKey, null, locale);
    }

    @Override
    public int order() {
        return order;
    }

    /** The limit asked for, between 1 and {@link #MAX_LIMIT}: written into the statement so that the plan knows it. */
    protected static int bounded(int limit) {
        return Math.clamp(limit, 1, MAX_LIMIT);
    }
}
