package org.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** docs/audit-events.md explains every audit code that the code base can write. */
class AuditEventsDocumentedTests {

    @Test
    void everyAuditCodeIsDocumented() throws IOException {
        var doc = Files.readString(Path.of("docs/audit-events.md"));
        var missing = new ArrayList<String>();
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tongban").stream()
                        .filter(c -> c.isEnum() && c.isAssignableTo(AuditCode.class))
                        .forEach(c -> {
                            for (var constant : c.reflect().getEnumConstants()) {
                                if (!doc.contains("`" + ((Enum<?>) constant).name() + "`"))
                                    missing.add(c.getSimpleName() + "." + constant);
                            }
                        });
        assertThat(missing).isEmpty();
    }

    /** The trail stores a code by its name, and an event delivered again is read back by it: no name twice. */
    @Test
    void noTwoAuditCodesShareAName() {
        var owners = new HashMap<String, String>();
        var clashes = new ArrayList<String>();
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tongban").stream()
                        .filter(c -> c.isEnum() && c.isAssignableTo(AuditCode.class))
                        .forEach(c -> {
                            for (var constant : c.reflect().getEnumConstants()) {
                                var name = ((Enum<?>) constant).name();
                                var earlier = owners.putIfAbsent(name, c.getSimpleName());
                                if (earlier != null) clashes.add(name + " in " + earlier + " and " + c.getSimpleName());
                            }
                        });
        assertThat(clashes).isEmpty();
    }
}
