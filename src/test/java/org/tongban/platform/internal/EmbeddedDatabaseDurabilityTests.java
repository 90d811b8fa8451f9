package org.tongban.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 9, durability of the embedded default: the platform's own PostgreSQL writes durably (the library starts it
 * with fsync off), so that what it acknowledged survives an OS crash; only the test profile trades that for speed.
 */
class EmbeddedDatabaseDurabilityTests {

    @Test
    void theDefaultProfilesEmbeddedServerSyncsEveryCommit(@TempDir Path dir) throws Exception {
        var defaults = bind("application.yml");
        assertThat(defaults.durable()).isTrue();
        var pg = new EmbeddedDatabaseConfiguration()
                .embeddedPostgres(
                        new EmbeddedDatabaseProperties(dir.resolve("pg").toString(), 0, defaults.durable()));
        try {
            assertThat(show(pg, "fsync")).isEqualTo("on");
            assertThat(show(pg, "synchronous_commit")).isEqualTo("on");
            assertThat(show(pg, "full_page_writes")).isEqualTo("on");
        } finally {
            pg.close();
        }
    }

    @Test
    void onlyTheTestProfileRunsItFast() throws Exception {
        assertThat(bind("application-test.yml", "application.yml").durable()).isFalse();
    }

    private static String show(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, String setting)
            throws SQLException {
        try (var c = pg.getPostgresDatabase().getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static EmbeddedDatabaseProperties bind(String... files) throws Exception {
        var env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        for (var file : files) {
            new YamlPropertySourceLoader()
                    .load(file, new ClassPathResource(file))
                    .forEach(env.getPropertySources()::addLast);
        }
        return Binder.get(env)
                .bind("tongban.embedded-db", EmbeddedDatabaseProperties.class)
                .get();
    }
}
