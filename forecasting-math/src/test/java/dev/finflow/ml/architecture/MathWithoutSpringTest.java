package dev.finflow.ml.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The forecasting math (ARIMA, baselines, evaluation, calibrated intervals) is plain Java: the service, the benchmarks and the
 * R reference tests call it directly, and it must never need a Spring context, a database or the rest of
 * the service to run. The whole module ({@code forecasting-math}: features and models too) stays a library;
 * only the LSTM needs DJL.
 */
@AnalyzeClasses(packages = "dev.finflow.ml", importOptions = ImportOption.DoNotIncludeTests.class)
class MathWithoutSpringTest {

    private static final String[] MATH = {"dev.finflow.ml.arima..", "dev.finflow.ml.baselines..",
        "dev.finflow.ml.evaluation..", "dev.finflow.ml.intervals.."};

    @ArchTest
    static final ArchRule mathUsesNoSpring = noClasses().that().resideInAnyPackage(MATH)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                    "org.axonframework..", "reactor..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule mathDependsOnlyOnTheJdkAndCommonsMath = classes().that().resideInAnyPackage(MATH)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apache.commons.math3..",
                    "dev.finflow.ml.arima..", "dev.finflow.ml.baselines..", "dev.finflow.ml.evaluation..",
                    "dev.finflow.ml.intervals..");

    /** Features and models as well: no framework, no database, no other Finflow module. */
    @ArchTest
    static final ArchRule moduleUsesNoFrameworkNorDatabase = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..", "org.axonframework..", "reactor..",
                    "java.sql..", "javax.sql..", "org.postgresql..", "dev.finflow.events..", "dev.finflow.problems..");

    /**
     * DJL only where a model needs a neural network: the LSTM builds, trains and runs one on PyTorch (its native
     * tensors and per-thread gradients included). Every other model, and the evaluation that compares them, is
     * plain Java and runs without PyTorch's native library.
     */
    @ArchTest
    static final ArchRule onlyTheLstmUsesDjl = noClasses()
            .that().resideOutsideOfPackage("dev.finflow.ml.models.lstm..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..");
}
