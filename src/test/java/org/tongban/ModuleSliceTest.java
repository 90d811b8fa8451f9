package org.tongban;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.StringUtils;

/**
 * A module slice test (ADR 0021): Spring Modulith's {@link ApplicationModuleTest} for the module of the annotated
 * class's package, with the test profile, on real PostgreSQL like the platform tests: the server named by
 * {@code TONGBAN_TEST_DB_URL}, else an embedded one of its own. Only the module's beans start, with the shared kernel
 * ({@code sharedModules = "shared"} on the application class), and Flyway runs only the migrations of {@code __root}
 * and of the modules started ({@code spring.modulith.runtime.flyway-enabled}), each with its own history table.
 *
 * <p>The default mode is {@link BootstrapMode#STANDALONE}: the beans of the other modules the slice calls are given
 * as {@code @MockitoBean}s in the test. {@code DIRECT_DEPENDENCIES} is seldom worth it here: a direct dependency's
 * beans need their own dependencies in turn, and for most modules that is the whole platform again.
 *
 * <p>Tagged {@code slice}: the quick profile ({@code ./mvnw -Pquick test}) runs these and leaves out the
 * {@code platform} and {@code browser} tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ApplicationModuleTest
@ActiveProfiles("test")
@Tag("slice")
@Import(ModuleSliceTest.Database.class)
// A slice's context stays cached for the rest of the run beside the platform's, each holding its pool open: a few
// connections are plenty for one module's tests, and the server's hundred are shared by every context of the run.
// Sessions live in identity's schema, which a slice without identity does not migrate: no clean-up job for them.
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=4", "spring.session.jdbc.cleanup-cron=-"})
public @interface ModuleSliceTest {

    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
    BootstrapMode mode() default BootstrapMode.STANDALONE;

    /** Modules to start besides the slice's own, whatever the mode. */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
    String[] extraIncludes() default {};

    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "webEnvironment")
    WebEnvironment webEnvironment() default WebEnvironment.MOCK;

    /**
     * Properties of the slice. By default the Flowable engine stays off: its auto-configuration starts it whatever
     * module is tested, and without the workflow module's migrations it has no schema to create its tables in. A
     * slice that starts the workflow module (in {@link #extraIncludes}) gives {@code properties = {}}.
     */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {
        "flowable.process.enabled=false", "flowable.idm.enabled=false", "flowable.eventregistry.enabled=false"
    };

    /**
     * The embedded PostgreSQL of a slice, when no external database is named (as in the application). Not the
     * platform module's configuration: a slice drops the beans of the modules it leaves out, and that one with them.
     * So a small, throw-away server of the same library: fast rather than durable, in the test profile's data
     * directory, deleted when the context closes; Flyway migrates it as {@code postgres} and the pool connects as
     * the application's restricted role, as everywhere else.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @Conditional(Database.NoExternalDatabase.class)
    class Database {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres sliceDatabaseServer(@Value("${tongban.embedded-db.data-dir}") String dataDir)
                throws IOException {
            var dir = Path.of(dataDir).toAbsolutePath().normalize();
            Files.createDirectories(dir.getParent());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("synchronous_commit", "off")
                    .start();
        }

        @Bean
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource dataSource(
                EmbeddedPostgres server, @Value("${spring.datasource.username:tongban_app}") String user) {
            var pool = new HikariDataSource();
            pool.setJdbcUrl("jdbc:postgresql://localhost:" + server.getPort() + "/postgres");
            pool.setUsername(user);
            pool.setPoolName("tongban-slice");
            return pool;
        }

        static final class NoExternalDatabase implements Condition {
            @Override
            public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
                return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
            }
        }
    }
}
