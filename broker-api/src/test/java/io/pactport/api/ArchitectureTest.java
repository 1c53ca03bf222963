package io.pactport.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * broker-api is packaged by feature (pacticipants, versions, environments, pacts, contracts, verifications,
 * pactsforverification, matrix, badges, integrations, webhooks, index) over shared plumbing (http, db, events, config). Features
 * form layers without cycles: where a lower feature must set off a higher one (a publication fires webhooks, a tag
 * records a deployment) it announces it through a listener interface it owns.
 */
@AnalyzeClasses(packages = "io.pactport.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] PLUMBING = {
        "io.pactport.api.http..", "io.pactport.api.db..", "io.pactport.api.events..", "io.pactport.api.config.."
    };

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("io.pactport.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule plumbingKnowsNoFeature = noClasses()
            .that()
            .resideInAnyPackage(PLUMBING)
            .should()
            .dependOnClassesThat(resideInAPackage("io.pactport.api..").and(resideOutsideOfPackages(PLUMBING)));

    @ArchTest
    static final ArchRule repositoriesDependOnNothingAboveThem = noClasses()
            .that()
            .haveSimpleNameEndingWith("Repository")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Service")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Resource")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.ws.rs..");

    @ArchTest
    static final ArchRule resourcesAreTheOnlyHttpLayer = noClasses()
            .that()
            .haveSimpleNameEndingWith("Service")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Resource");
}
