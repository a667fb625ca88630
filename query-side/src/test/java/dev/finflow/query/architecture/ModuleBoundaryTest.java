package dev.finflow.query.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.testing.FlatFeatures;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /**
     * A feature's {@code domain} package (values, views and the rules over them) is plain code: no Spring, no SQL,
     * no reactive types. It is chosen by package, so a new class there is checked whatever its name.
     */
    @ArchTest
    static final ArchRule domainIsFreeOfSpring = noClasses()
            .that().resideInAPackage("dev.finflow.query..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "javax.sql..", "reactor..", "io.r2dbc..", "org.axonframework..");

    /** The domain is used by the web and configuration layers, never the other way round. */
    @ArchTest
    static final ArchRule domainKnowsNoOuterLayer = noClasses()
            .that().resideInAPackage("dev.finflow.query..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.finflow.query..web..",
                    "dev.finflow.query..config..", "dev.finflow.query.api..");

    /** A feature's {@code web} package is its outermost layer: nothing else uses a controller. */
    @ArchTest
    static final ArchRule nothingUsesTheWebLayer = noClasses()
            .that().resideOutsideOfPackage("dev.finflow.query..web..")
            .should().dependOnClassesThat().resideInAPackage("dev.finflow.query..web..");

    /**
     * Domain, projection (event handlers, their tables and the readers over them), process and pricing (valuing
     * over other features' read models) packages know nothing of HTTP; only a feature's {@code web} package does.
     */
    @ArchTest
    static final ArchRule onlyTheWebLayerKnowsHttp = noClasses()
            .that().resideInAnyPackage("dev.finflow.query..domain..", "dev.finflow.query..projection..",
                    "dev.finflow.query..process..", "dev.finflow.query..pricing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                    "org.springframework.web..", "dev.finflow.problems.web..");

    /** Features depend on each other in one direction only (performance reads holdings and bars). */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.finflow.query.(*)..")
            .should().beFreeOfCycles();

    /** Inside a feature too, packages form no cycle: {@code web} uses {@code projection} uses {@code domain}. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.finflow.query.(**)")
            .should().beFreeOfCycles();

    /** Projections apply events; they know nothing of HTTP. By type, wherever one sits. */
    @ArchTest
    static final ArchRule projectionsKnowNoHttp = noClasses().that().implement(Projection.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                    "org.springframework.web..", "dev.finflow.problems.web..");

    /** A flat feature package holds one layer; one that spans layers is split (see {@link FlatFeatures}). */
    @ArchTest
    static final ArchRule flatFeaturesHoldOneLayer = classes().that().resideInAPackage("dev.finflow.query.*")
            .should(FlatFeatures.holdOneLayer(type -> type.isAssignableTo(Projection.class)));

    /** A feature's {@code config} package wires the others; nothing uses it. */
    @ArchTest
    static final ArchRule nothingUsesTheConfigLayer = noClasses()
            .that().resideOutsideOfPackage("dev.finflow.query..config..")
            .should().dependOnClassesThat().resideInAPackage("dev.finflow.query..config..");

    /**
     * The browser's session (its store, properties, sign-in client, bearer and revocation) is used by the bff's
     * wiring and endpoints and uses neither; the endpoints do not reach into the wiring.
     */
    @ArchTest
    static final ArchRule bffSessionKnowsNoOuterLayer = noClasses()
            .that().resideInAPackage("dev.finflow.query.bff.session..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.finflow.query.bff.web..",
                    "dev.finflow.query.bff.config..");
}
