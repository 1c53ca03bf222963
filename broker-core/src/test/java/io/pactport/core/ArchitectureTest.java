package io.pactport.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** broker-core is what the services share: it must not know any of them, or it stops being shareable. */
@AnalyzeClasses(packages = "io.pactport.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule brokerCoreDependsOnNoService = noClasses()
            .that()
            .resideInAPackage("io.pactport.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.pactport.api..",
                    "io.pactport.retention..",
                    "io.pactport.sync..",
                    "io.pactport.migration..",
                    "io.pactport.devinfra..");
}
