package dev.finflow.runtime.store;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand parse of stored timestamps gives what Axon's formatter gives, and leaves every other form to it. */
class StoredEntryTest {

    @Test
    void parsesWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(7);
        long from = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            String text = DateTimeUtils.formatInstant(Instant.ofEpochMilli(random.nextLong(from, to + 1)));
            assertThat(StoredEntry.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
        for (String edge : new String[]{"1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z",
                "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z"}) {
            assertThat(StoredEntry.parse(edge)).as(edge).isEqualTo(DateTimeUtils.parseInstant(edge));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T06:00:00.123456Z", "2026-12-07T06:00:00Z", "2026-12-07T06:00:00.123+01:00",
            "+10000-01-01T00:00:00.000Z", "2026-02-30T06:00:00.000Z", "2026-12-07T24:00:00.000Z",
            "2026-12-07T06:60:00.000Z", "2026-13-07T06:00:00.000Z", "2026-12-07t06:00:00.000Z",
            "2026-12-07T06:00:0x.000Z", "-026-12-07T06:00:00.000Z", ""})
    void leavesEveryOtherFormToAxon(String text) {
        assertThat(StoredEntry.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T06:00:00.123456Z", "2026-12-07T06:00:00Z", "2026-12-07T06:00:00.123Z"})
    void anEntryGivesTheFormattersInstant(String text) {
        StoredEntry entry = new StoredEntry("Account", "a-1", 0, "e-1", text, "T", null, "{}", "{}");
        assertThat(entry.getTimestamp()).isEqualTo(DateTimeUtils.parseInstant(text));
    }
}
