package dev.finflow.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rule that decides between a flat feature package and inner packages (docs/decisions.md), for every service's
 * architecture test: a feature whose classes are all of one layer may stay flat (its package-info names the
 * layer); one whose classes span layers is split ({@code domain}, {@code projection}, {@code process}, {@code web},
 * {@code config}, ...). The layers told apart are those a class declares: a web handler ({@code @Controller},
 * {@code @RestController}), an event handler (an Axon {@code @EventHandler} method, or what the service adds,
 * e.g. the query side's projections) and a {@code @Configuration}.
 */
public final class FlatFeatures {

    private static final String EVENT_HANDLER = "org.axonframework.eventhandling.EventHandler";

    private FlatFeatures() {
    }

    /** A class shares its package with classes of its own layer only. */
    public static ArchCondition<JavaClass> holdOneLayer() {
        return holdOneLayer(type -> false);
    }

    /** As {@link #holdOneLayer()}, with {@code eventHandler} also counted as the event-handler layer. */
    public static ArchCondition<JavaClass> holdOneLayer(Predicate<JavaClass> eventHandler) {
        return new ArchCondition<>("share their package with classes of their own layer only") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                layerOf(type, eventHandler).ifPresent(layer -> type.getPackage().getClasses().stream()
                        .filter(other -> layerOf(other, eventHandler).filter(o -> !o.equals(layer)).isPresent())
                        .forEach(other -> events.add(SimpleConditionEvent.violated(type, type.getName() + " ("
                                + layer + ") shares " + type.getPackageName() + " with " + other.getName() + " ("
                                + layerOf(other, eventHandler).orElseThrow() + "): split the feature into inner "
                                + "packages"))));
            }
        };
    }

    static Optional<String> layerOf(JavaClass type, Predicate<JavaClass> eventHandler) {
        if (type.isAnnotatedWith(Controller.class) || type.isMetaAnnotatedWith(Controller.class)) {
            return Optional.of("web handler");
        }
        if (eventHandler.test(type)
                || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EVENT_HANDLER))) {
            return Optional.of("event handler");
        }
        if (type.isAnnotatedWith(Configuration.class) || type.isMetaAnnotatedWith(Configuration.class)) {
            return Optional.of("configuration");
        }
        return Optional.empty();
    }
}
