package org.tongban.verifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The offline verifier is a library for third parties: it may use the JDK and BouncyCastle and nothing else — no
 * Spring, no JSpecify, no other Tongban package — so that it can be shipped as its own small jar.
 */
class VerifierIndependenceTests {

    @Test
    void theVerifierDependsOnlyOnTheJdkAndBouncyCastle() {
        classes()
                .that()
                .resideInAPackage("org.tongban.verifier..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.bouncycastle..", "org.tongban.verifier..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.tongban.verifier"));
    }
}
