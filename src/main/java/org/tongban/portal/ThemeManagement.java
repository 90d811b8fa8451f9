package org.tongban.portal;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.ShortLived;

/** Service themes: read by everyone, changed only by the government manager (the caller checks the permission). */
@Service
public class ThemeManagement {

    /** How long a node serves the visible themes from memory; another node's change shows within this time. */
    static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ShortLived<List<ThemeView>> shown;

    ThemeManagement(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.shown = new ShortLived<>(CACHE_TTL, () -> read(false));
    }

    /**
     * Themes in display order; the visible ones come from a short-lived copy in memory, because every portal page
     * shows them. The manager's page asks for all themes and always reads the database.
     */
    @Transactional(readOnly = true)
    public List<ThemeView> themes(boolean includeHidden) {
        return includeHidden ? read(true) : shown.get();
    }

    private List<ThemeView> read(boolean includeHidden) {
        return jdbc.sql("""
                select code, audience, name_zh, name_en, icon, sort_order, visible from portal.service_theme
                 where visible or :all order by audience desc, sort_order, code""")
                .param("all", includeHidden)
                .query(new DataClassRowMapper<>(ThemeView.class))
                .list();
    }

    /** Changes a theme's visibility and order; returns false for an unknown code. */
    @Transactional
    public boolean update(String code, boolean visible, int sortOrder, UUID manager) {
        int rows = jdbc.sql("""
                update portal.service_theme set visible = :v, sort_order = :o, updated_at = now(), updated_by = :by
                 where code = :code""")
                .param("v", visible)
                .param("o", sortOrder)
                .param("by", manager)
                .param("code", code)
                .update();
        if (rows == 0) return false;
        shown.invalidate();
        events.publishEvent(new ThemeChanged(code, manager.toString(), visible, sortOrder));
        return true;
    }
}
