package org.tongban.exchange.internal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Officials never read source tables directly (issue 14): only the exchange's source adapters reach the
 * departments' systems. No class outside the exchange's internals uses a source port or adapter, and no code but the
 * table adapter's wiring and the demo seeding names a source schema ({@code src_*}), in Java or in a migration of
 * another module.
 */
class SourceIsolationTests {

    static final Pattern SOURCE_SCHEMA = Pattern.compile("\\bsrc_[a-z_]+\\.");
    static final List<String> ALLOWED = List.of(
            "src/main/java/org/tongban/exchange/internal/Sources.java",
            "src/main/java/org/tongban/exchange/internal/DemoExchange.java",
            // The health department's demo records (issue 14, part 5), seeded like DemoExchange's.
            "src/main/java/org/tongban/exchange/internal/DemoHealthRecords.java",
            "src/main/resources/db/migration/exchange/");

    @Test
    void onlyTheExchangeInternalsUseTheSourcePorts() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.tongban.exchange.internal..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(SourceSystem.class, TableSource.class, RestSource.class, Sources.class)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.tongban"));
    }

    @Test
    void onlyTheSourceAdaptersNameTheSourceSchemas() throws IOException {
        List<String> offenders;
        try (Stream<Path> files =
                Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> {
                        try {
                            return SOURCE_SCHEMA.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .filter(p -> ALLOWED.stream().noneMatch(p::startsWith))
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }
}
