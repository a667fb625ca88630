package dev.finflow.runtime.dispatch;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Finds a command's target aggregate from its {@code @TargetAggregateIdentifier} record component (or a no-argument
 * method so annotated, such as an interface's default method), looking it up once per command class. Axon's {@link AnnotationCommandTargetResolver} walks the class's
 * methods and annotations on every command, a measurable share of the CPU of each request; it remains the
 * fallback for commands that are not records.
 */
public final class CachingTargetResolver implements CommandTargetResolver {

    private static final ClassValue<MethodHandle> TARGETS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            Method target = null;
            if (type.isRecord()) {
                // The annotation does not target record components: on a record it lands on the accessor.
                target = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor)
                        .filter(accessor -> accessor.isAnnotationPresent(TargetAggregateIdentifier.class))
                        .findFirst().orElse(null);
            }
            if (target == null) {
                // An interface's default method that derives the identifier (InstrumentCommand.instrumentId()).
                target = Arrays.stream(type.getMethods())
                        .filter(method -> method.getParameterCount() == 0
                                && method.isAnnotationPresent(TargetAggregateIdentifier.class))
                        .findFirst().orElse(null);
            }
            try {
                return target == null ? null : MethodHandles.publicLookup().unreflect(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + target, e);
            }
        }
    };

    private final CommandTargetResolver fallback = AnnotationCommandTargetResolver.builder().build();

    /** Whether commands of this type are resolved from the cache rather than by Axon's reflective resolver. */
    static boolean resolvesDirectly(Class<?> commandType) {
        return TARGETS.get(commandType) != null;
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        MethodHandle accessor = TARGETS.get(command.getPayloadType());
        if (accessor == null) {
            return fallback.resolveTarget(command);
        }
        try {
            Object identifier = accessor.invoke(command.getPayload());
            if (identifier == null) {
                throw new IllegalArgumentException("command " + command.getPayloadType().getSimpleName()
                        + " names no target aggregate");
            }
            return new VersionedAggregateIdentifier(identifier, null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the target of " + command.getPayloadType(), e);
        }
    }
}
