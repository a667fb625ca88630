package dev.finflow.ml.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.finflow.ml.MlProjectorApplication;
import dev.finflow.testing.FlatFeatures;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * A reading service learns everything from the event store; it never sees the command side. Inside a feature,
 * {@code domain} is plain code, {@code config}, {@code projection} (event handlers and their tables),
 * {@code process} (scheduled work) and {@code store} (tables not fed by events) use it, and {@code web} is the
 * outermost layer. The rules pick classes by package, so a new class is checked whatever its name.
 */
@AnalyzeClasses(packages = "dev.finflow.ml", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryTest {

    /**
     * The forecasting math shares the {@code dev.finflow.ml} packages but is a module of its own, with its own
     * architecture test; the cycle rules look at the dependencies of this module's classes only.
     */
    private static final String OWN_CLASSES = MlProjectorApplication.class.getProtectionDomain().getCodeSource()
            .getLocation().getPath();
    private static final DescribedPredicate<JavaClass> IN_ANOTHER_MODULE = DescribedPredicate.describe(
            "in another module", c -> c.getSource().map(s -> s.getUri().getPath())
                    .map(path -> !path.startsWith(OWN_CLASSES)).orElse(true));

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

    /** A feature's {@code domain} package is plain code: no Spring, no SQL, no reactive types, no Axon. */
    @ArchTest
    static final ArchRule domainIsFreeOfSpring = noClasses()
            .that().resideInAPackage("dev.finflow.ml..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "javax.sql..", "reactor..", "org.axonframework..");

    /** The domain is used by the outer layers, never the other way round. */
    @ArchTest
    static final ArchRule domainKnowsNoOuterLayer = noClasses()
            .that().resideInAPackage("dev.finflow.ml..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.finflow.ml..web..", "dev.finflow.ml..config..",
                    "dev.finflow.ml..projection..", "dev.finflow.ml..process..", "dev.finflow.ml..store..",
                    "dev.finflow.ml.api..");

    /** A feature's {@code web} package is its outermost layer: nothing else uses a controller. */
    @ArchTest
    static final ArchRule nothingUsesTheWebLayer = noClasses()
            .that().resideOutsideOfPackage("dev.finflow.ml..web..")
            .should().dependOnClassesThat().resideInAPackage("dev.finflow.ml..web..");

    /** Projections, processes and stores apply events or run on a timer; they know nothing of HTTP. */
    @ArchTest
    static final ArchRule onlyTheWebLayerKnowsHttp = noClasses()
            .that().resideInAnyPackage("dev.finflow.ml..domain..", "dev.finflow.ml..config..",
                    "dev.finflow.ml..projection..", "dev.finflow.ml..process..", "dev.finflow.ml..store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                    "org.springframework.web..", "dev.finflow.problems.web..");

    /** Features depend on each other in one direction only (forecasting reads features and the registry). */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.finflow.ml.(*)..")
            .should().beFreeOfCycles().ignoreDependency(IN_ANOTHER_MODULE, DescribedPredicate.alwaysTrue());

    /** Inside a feature too, packages form no cycle: the outer layers use {@code domain}, never the reverse. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.finflow.ml.(**)")
            .should().beFreeOfCycles().ignoreDependency(IN_ANOTHER_MODULE, DescribedPredicate.alwaysTrue());

    /** A flat feature package holds one layer; one that spans layers is split (see {@link FlatFeatures}). */
    @ArchTest
    static final ArchRule flatFeaturesHoldOneLayer = classes().that().resideInAnyPackage("dev.finflow.ml.*")
            .should(FlatFeatures.holdOneLayer());
}
