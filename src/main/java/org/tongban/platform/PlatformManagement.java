package org.tongban.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.Refusal;
import org.tongban.shared.ShortLived;

/**
 * Platform settings, which the operator (运) maintains: the portal notice, the support hotline and hours.
 * Unknown keys are refused rather than created, so that a typo cannot invent a setting nobody reads.
 */
@Service
public class PlatformManagement {

    /** The settings that exist, with the longest value each accepts. */
    static final Map<String, Integer> KNOWN = Map.of(
            "portal.notice",
            500,
            "support.hotline",
            20,
            "support.hours",
            50,
            "ratings.rectification-days",
            2,
            "licenses.show-seconds",
            3);

    /** How long a node serves settings from memory; another node's change shows within this time. */
    static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ShortLived<Map<String, String>> values;

    PlatformManagement(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.values = new ShortLived<>(CACHE_TTL, () -> {
            var all = new java.util.HashMap<String, String>();
            settings().forEach(s -> all.put(s.key(), s.value()));
            return Map.copyOf(all);
        });
    }

    public record Setting(String key, String value) {}

    @Transactional(readOnly = true)
    public List<Setting> settings() {
        return jdbc.sql("select key, value from platform.setting order by key")
                .query(new DataClassRowMapper<>(Setting.class))
                .list();
    }

    /** One setting, from a short-lived copy in memory: the portal reads settings on every page. */
    @Transactional(readOnly = true)
    public Optional<String> setting(String key) {
        return Optional.ofNullable(values.get().get(key));
    }

    public static Set<String> knownKeys() {
        return KNOWN.keySet();
    }

    /** Changes a setting; refuses an unknown key or an over-long value (an unprocessable refusal). */
    @Transactional
    public void change(String key, String value, UUID operator) {
        var max = KNOWN.get(key);
        if (max == null) throw new Refusal(Refusal.Kind.UNPROCESSABLE, "platform.settings.unknown");
        var clean = value.strip();
        if (clean.length() > max) throw new Refusal(Refusal.Kind.UNPROCESSABLE, "platform.settings.tooLong");
        var old = jdbc.sql("select value from platform.setting where key = :k")
                .param("k", key)
                .query(String.class)
                .optional()
                .orElse("");
        jdbc.sql("""
                insert into platform.setting (key, value, updated_at, updated_by) values (:k, :v, now(), :by)
                on conflict (key) do update set value = excluded.value, updated_at = now(), updated_by = excluded.updated_by""").param("k", key).param("v", clean).param("by", operator).update();
        values.invalidate();
        events.publishEvent(new SettingChanged(key, old, clean, operator.toString()));
    }
}
