package org.tongban;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module rules as a build failure, and the module documentation (target/spring-modulith-docs). */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(TongbanApplication.class);

    @Test
    void modulesUseOnlyEachOthersApis() {
        modules.verify();
    }

    @Test
    void onlyWorkflowSeesFlowable() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.tongban.workflow..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.flowable..")
                .allowEmptyShould(true)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.tongban"));
    }

    @Test
    void sharedKernelHasNoSpringBeans() {
        noClasses()
                .that()
                .resideInAPackage("org.tongban.shared..")
                .should()
                .beAnnotatedWith(org.springframework.stereotype.Component.class)
                .orShould()
                .beAnnotatedWith(org.springframework.stereotype.Service.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.jdbc..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.tongban.shared"));
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
