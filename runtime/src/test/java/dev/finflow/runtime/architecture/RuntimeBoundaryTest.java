package dev.finflow.runtime.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The runtime is what the services stand on (docs/runtime.md): it knows none of them, and its parts form no
 * cycle, so each can be read and changed on its own.
 */
@AnalyzeClasses(packages = "dev.finflow.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeBoundaryTest {

    @ArchTest
    static final ArchRule knowsNoService = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.finflow.command..", "dev.finflow.query..", "dev.finflow.ml..",
                    "dev.finflow.auth..");

    @ArchTest
    static final ArchRule partsFormNoCycle = slices().matching("dev.finflow.runtime.(*)..").should()
            .beFreeOfCycles();
}
