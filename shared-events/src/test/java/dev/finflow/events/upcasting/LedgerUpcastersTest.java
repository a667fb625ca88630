package dev.finflow.events.upcasting;

import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.serialization.EventJson;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored by earlier versions, as JSON fixtures of their old shape, still load with their old meaning. */
class LedgerUpcastersTest {

    private final Serializer serializer = EventJson.serializer();

    @Test
    void aRevisionOneReversalTakesEffectOnItsBookingDateAsItAlwaysDid() throws IOException {
        TransactionReversedEvent event = upcast(TransactionReversedEvent.class, "TransactionReversedEvent-rev1.json",
                "1", "2");

        assertThat(event.bookingDate()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(event.originalDate()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(event.effectiveDate()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(event.reversedTransactionId().value()).isEqualTo("f1");
        assertThat(event.legs()).hasSize(2);
        assertThat(event.legs().get(0).type()).isEqualTo(LegType.CASH);
        assertThat(event.legs().get(0).quantity()).isEqualByComparingTo("2.50");
    }

    @Test
    void aRevisionOneSplitCarriesNoCashInLieuPrice() throws IOException {
        SplitRecordedEvent event = upcast(SplitRecordedEvent.class, "SplitRecordedEvent-rev1.json", "1", "3");

        assertThat(event.symbol().value()).isEqualTo("NCR");
        assertThat(event.numerator()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(event.denominator()).isEqualByComparingTo("2");
        assertThat(event.cashInLieuPrice()).isNull();
        assertThat(event.cashInLieuFxRates()).isEmpty();
    }

    @Test
    void aRevisionTwoSplitPaysOnlyAccountsInTheInstrumentsCurrency() throws IOException {
        SplitRecordedEvent event = upcast(SplitRecordedEvent.class, "SplitRecordedEvent-rev2.json", "2", "3");

        assertThat(event.cashInLieuPrice().amount()).isEqualByComparingTo("36.00");
        assertThat(event.cashInLieuPrice().currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(event.cashInLieuFxRates()).isEmpty();
        assertThat(event.cashInLieuFxRate("EUR")).isNull();
    }

    private <T> T upcast(Class<T> type, String fixture, String revision, String current) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/upcasting/" + fixture)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>(type.getSimpleName(), "agg-1", 0,
                "event-1", Instant.parse("2024-03-01T10:00:00Z"), type.getName(), revision, json,
                serializer.serialize(MetaData.emptyInstance(), String.class).getData());
        List<IntermediateEventRepresentation> upcast = LedgerUpcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(current);
        return serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                upcast.get(0).getData(String.class).getData(), String.class, upcast.get(0).getType()));
    }
}
