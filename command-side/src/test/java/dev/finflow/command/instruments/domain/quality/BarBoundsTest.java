package dev.finflow.command.instruments.domain.quality;

import dev.finflow.events.market.Finding;
import dev.finflow.events.market.RawBar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A bar is judged against the ledger's bounds before its quality rules: a first bar of 1e400 is rejected. */
class BarBoundsTest {

    @Test
    void aPriceAbove10To15IsAFindingNotABar() {
        List<Finding> findings = new ArrayList<>();

        assertThat(RawBarReader.read(new RawBar("2024-01-02", "1e400", "1e400", "1e400", "1e400", null, "100"),
                findings)).isNull();

        assertThat(findings).hasSize(4).allMatch(f -> f.rule().equals(QualityRule.REQUIRED_FIELDS.id())
                && f.detail().contains("above the bound of 10^15"));
    }

    @Test
    void aVolumeAbove10To15AndADateBefore1900AreFindings() {
        List<Finding> findings = new ArrayList<>();

        assertThat(RawBarReader.read(new RawBar("1899-12-29", "1", "1", "1", "1", null, "1000000000000001"),
                findings)).isNull();

        assertThat(findings).extracting(Finding::detail).containsExactlyInAnyOrder(
                "date 1899-12-29 is before 1900-01-01", "volume 1000000000000001 is above the bound of 10^15");
    }

    @Test
    void theBoundItselfIsAccepted() {
        List<Finding> findings = new ArrayList<>();

        assertThat(RawBarReader.read(new RawBar("1900-01-01", "1000000000000000", "1000000000000000", "1",
                "2", null, "1000000000000000"), findings)).isNotNull();
        assertThat(findings).isEmpty();
    }
}
