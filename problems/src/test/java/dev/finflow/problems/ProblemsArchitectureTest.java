package dev.finflow.problems;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.finflow.problems", importOptions = ImportOption.DoNotIncludeTests.class)
class ProblemsArchitectureTest {

    /** Rules and violations are what domain code throws: they know no HTTP, no Spring, no web layer. */
    @ArchTest
    static final ArchRule rulesKnowNoHttp = noClasses().that().resideInAPackage("dev.finflow.problems")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.finflow.problems.web..",
                    "reactor..");
}
