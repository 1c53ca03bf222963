package io.pactport.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The service's packages form layers: no cycles between them, and repositories know nothing above them. */
@AnalyzeClasses(packages = "io.pactport.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("io.pactport.sync.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule repositoriesDependOnNothingAboveThem = noClasses()
            .that()
            .resideInAPackage("io.pactport.sync.repository..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.pactport.sync.resource..",
                    "io.pactport.sync.service..",
                    "io.pactport.sync.messaging..",
                    "io.pactport.sync.config..");
}
