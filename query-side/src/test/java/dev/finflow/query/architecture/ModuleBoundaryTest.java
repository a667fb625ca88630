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

    /** Errors are answered by the one shared advice of the {@code problems} module; no service keeps its own. */
    @ArchTest
    static final ArchRule noAdviceOfItsOwn = noClasses().should()
            .beAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class)
            .orShould().beAnnotatedWith(org.springframework.web.bind.annotation.ControllerAdvice.class);

    /** Code refuses by naming a rule ({@code dev.finflow.problems}); statuses are the shared web layer's. */
    @ArchTest
    static final ArchRule namesRulesNotStatuses = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dev.finflow.problems.web..")
            .orShould().dependOnClassesThat().areAssignableTo(org.springframework.web.ErrorResponse.class);

    /** Projections apply events; they know nothing of HTTP. */
    @ArchTest
    static final ArchRule projectionsKnowNoHttp = noClasses().that().haveSimpleNameEndingWith("Projection")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                    "org.springframework.web..", "dev.finflow.problems.web..")
            .allowEmptyShould(true);
}
