package dev.finflow.query.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** A reading service learns everything from the event store; it never sees the command side. */
@AnalyzeClasses(packages = "dev.finflow.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryTest {

    @ArchTest
    static final ArchRule neverDependsOnTheCommandSide = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dev.finflow.command..");
}
