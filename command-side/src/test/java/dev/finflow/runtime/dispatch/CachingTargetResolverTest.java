package dev.finflow.runtime.dispatch;

import dev.finflow.events.ledger.DepositCashCommand;
import dev.finflow.events.ledger.OpenAccountCommand;
import dev.finflow.events.market.*;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CachingTargetResolverTest {

    private final CachingTargetResolver resolver = new CachingTargetResolver();

    @Test
    void resolvesTheAnnotatedRecordComponent() {
        DepositCashCommand deposit = new DepositCashCommand(new AccountId("acc-7"), new TransactionId("t"),
                Money.of("1", "EUR"), null, LocalDate.of(2024, 1, 1), null);

        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(deposit)).getIdentifier())
                .isEqualTo("acc-7");
    }

    @Test
    void everyLedgerCommandTakesTheCachedPathNotAxonsReflection() throws IOException, ClassNotFoundException {
        List<String> names;
        Path sources = Path.of("../shared-events/src/main/java/dev/finflow/events/ledger");
        try (Stream<Path> files = Files.list(sources)) {
            names = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith("Command.java") && !name.equals("TransactionCommand.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length())).toList();
        }

        assertThat(names).contains(OpenAccountCommand.class.getSimpleName());
        for (String name : names) {
            assertThat(CachingTargetResolver.resolvesDirectly(Class.forName("dev.finflow.events.ledger." + name)))
                    .as(name).isTrue();
        }
    }

    @Test
    void resolvesInstrumentCommandsThroughTheirInterfacesDefaultMethodOnTheCachedPath() {
        IngestBarsCommand ingest = new IngestBarsCommand(new Symbol("BRK-B"), "run", "test", List.of());

        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(ingest)).getIdentifier())
                .isEqualTo("instrument/BRK-B");
        for (Class<?> type : List.of(RegisterInstrumentCommand.class, IngestBarsCommand.class,
                RecordSplitCommand.class, RecordCashDividendCommand.class, CorrectBarCommand.class,
                CheckFreshnessCommand.class)) {
            assertThat(CachingTargetResolver.resolvesDirectly(type)).as(type.getSimpleName()).isTrue();
        }
    }
}
