package org.tongban;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.tongban.platform.internal.EmbeddedDatabaseProperties;

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
@TestPropertySource
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
    @AliasFor(annotation = TestPropertySource.class, attribute = "properties")
    String[] properties() default {"flowable.process.enabled=false", "flowable.idm.enabled=false",
            "flowable.eventregistry.enabled=false"};

    /**
     * The database of a slice. The platform module owns how Tongban starts its embedded PostgreSQL (a pool in front,
     * the server's settings, an orphan left by a killed run stopped), and a slice leaves the platform module out; so
     * the slice borrows that configuration by name instead of keeping a second copy of it. It applies only when no
     * external database is named, as in the application.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
    @Import(Database.EmbeddedServer.class)
    class Database {

        static final class EmbeddedServer implements ImportSelector {
            @Override
            public String[] selectImports(AnnotationMetadata metadata) {
                return new String[] {"org.tongban.platform.internal.EmbeddedDatabaseConfiguration"};
            }
        }
    }
}
