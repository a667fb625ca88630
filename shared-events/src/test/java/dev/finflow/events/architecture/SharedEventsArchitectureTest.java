package dev.finflow.events.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shared language stays plain: records, no Spring, no persistence, no service code. */
@AnalyzeClasses(packages = "dev.finflow.events", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

    @ArchTest
    static final ArchRule noSpringOrPersistence = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "java.sql..", "javax.sql..",
                    "reactor..");

    @ArchTest
    static final ArchRule noServiceCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.finflow.command..", "dev.finflow.query..", "dev.finflow.ml..",
                    "dev.finflow.runtime.store..");

    @ArchTest
    static final ArchRule eventsAreRevisionedRecords = classes().that().haveSimpleNameEndingWith("Event")
            .and().areNotInterfaces()
            .should().beRecords().andShould().beAnnotatedWith(Revision.class);

    @ArchTest
    static final ArchRule commandsAreRecords = classes().that().haveSimpleNameEndingWith("Command")
            .and().areNotInterfaces().should().beRecords();
}
