package dev.finflow.command.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.finflow.testing.FlatFeatures;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;


import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "dev.finflow.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    /** The write model never reads a projection, and knows nothing of the reading services. */
    @ArchTest
    static final ArchRule noReadingSideCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.finflow.query..", "dev.finflow.ml..");

    /**
     * A feature's {@code domain} package (aggregates, processes, rules and their values) is plain code: no Spring,
     * no SQL, no reactive types. It is chosen by package, so a new class there is checked whatever its name.
     */
    @ArchTest
    static final ArchRule domainIsFreeOfSpring = noClasses()
            .that().resideInAnyPackage("..command..domain..", "..command.problems..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "javax.sql..", "reactor..");

    /** The domain is used by the web and configuration layers, never the other way round. */
    @ArchTest
    static final ArchRule domainKnowsNoOuterLayer = noClasses()
            .that().resideInAPackage("..command..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..command..web..", "..command..config..",
                    "dev.finflow.command.api..", "dev.finflow.problems.web..");

    /** A feature's {@code web} package is its outermost layer: nothing else uses a controller or a request body. */
    @ArchTest
    static final ArchRule nothingUsesTheWebLayer = noClasses()
            .that().resideOutsideOfPackage("..command..web..")
            .should().dependOnClassesThat().resideInAPackage("..command..web..");

    /** The quality rules and the CSV readers are plain code, reusable and testable without a container. */
    @ArchTest
    static final ArchRule marketRulesAreFreeOfSpring = noClasses()
            .that().resideInAnyPackage("..command.instruments.domain.quality..", "..command.instruments.csv..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                    "java.sql..", "javax.sql..", "reactor..");

    /** Features depend on each other in one direction only (ingestion uses instruments, never the reverse). */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.finflow.command.(*)..")
            .should().beFreeOfCycles();

    /** Inside a feature too, packages form no cycle: {@code web} and {@code config} use {@code domain}. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.finflow.command.(**)")
            .should().beFreeOfCycles();

    /**
     * Every command goes through the runtime's dispatcher, which holds the aggregate lock for the whole
     * transaction and evicts cached state on rollback; sending around it could build on uncommitted events.
     */
    @ArchTest
    static final ArchRule commandsOnlyThroughTheDispatcher = noClasses()
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class)
            .orShould().dependOnClassesThat().areAssignableTo(CommandBus.class);

    /** Errors are answered by the one shared advice of the {@code problems} module; no service keeps its own. */
    @ArchTest
    static final ArchRule noAdviceOfItsOwn = noClasses().should()
            .beAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class)
            .orShould().beAnnotatedWith(org.springframework.web.bind.annotation.ControllerAdvice.class);

    /**
     * Aggregates, processes and rules name the rule they enforce ({@code dev.finflow.problems}) and leave HTTP to
     * the web layer: a feature's {@code web} package and the shared {@code api} package (request metadata, field
     * parser, bounds) are the only ones that touch HTTP or parse request fields.
     */
    @ArchTest
    static final ArchRule onlyTheWebLayerKnowsHttp = noClasses()
            .that().resideOutsideOfPackages("..command..web..", "dev.finflow.command.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                    "org.springframework.web..", "dev.finflow.problems.web..", "dev.finflow.command.api..");

    /** A flat feature package holds one layer; one that spans layers is split (see {@link FlatFeatures}). */
    @ArchTest
    static final ArchRule flatFeaturesHoldOneLayer = classes()
            .that().resideInAnyPackage("dev.finflow.command.*", "dev.finflow.command.ingestion.*")
            .should(FlatFeatures.holdOneLayer());
}
