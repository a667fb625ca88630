package dev.finflow.command.instruments.domain;

import org.axonframework.messaging.MetaData;

import java.time.LocalDate;

/**
 * The business date a bar command is judged on. The aggregate has no clock (its verdicts must not depend on when
 * it is replayed), so whoever sends {@link dev.finflow.events.market.IngestBarsCommand} or
 * {@link dev.finflow.events.market.CorrectBarCommand} says what "today" is, in the instrument's market.
 */
public final class InstrumentMetadata {

    /** Metadata key of the ISO date that the future-date rule compares bars with. */
    public static final String TODAY = "today";

    private InstrumentMetadata() {
    }

    public static MetaData withToday(MetaData metaData, LocalDate today) {
        return metaData.and(TODAY, today.toString());
    }
}
