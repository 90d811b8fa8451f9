package org.tongban.portal;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Service themes: read by everyone, changed only by the government manager (the caller checks the permission). */
@Service
public class ThemeManagement {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ThemeManagement(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<ThemeView> themes(boolean includeHidden) {
        return jdbc.sql("""
                select code, audience, name_zh, name_en, icon, sort_order, visible from portal.service_theme
                 where visible or :all order by audience desc, sort_order, code""")
                .param("all", includeHidden)
                .query(ThemeView.class)
                .list();
    }

    /** Changes a theme's visibility and order; returns false for an unknown code. */
    @Transactional
    public boolean update(String code, boolean visible, int sortOrder, UUID manager) {
        int rows = jdbc.sql("""
                update portal.service_theme set visible = :v, sort_order = :o, updated_at = now(), updated_by = :by
                 where code = :code""")
                .param("v", visible).param("o", sortOrder).param("by", manager).param("code", code)
                .update();
        if (rows == 0) return false;
        events.publishEvent(new ThemeChanged(code, manager.toString(), visible, sortOrder));
        return true;
    }
}
