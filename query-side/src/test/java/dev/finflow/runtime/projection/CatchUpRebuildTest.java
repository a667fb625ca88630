package dev.finflow.runtime.projection;

import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rebuild test again, with every version that is behind when it starts caught up by one shared read of the
 * store ({@link CatchUp}) in chunks of seven events: the rebuilds asked one after another make the running
 * catch-up stop and start again for all of them, from different positions.
 */
@TestPropertySource(properties = {"finflow.query.projections.catch-up-behind=0",
        "finflow.query.projections.catch-up-batch-size=7"})
class CatchUpRebuildTest extends RebuildTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void allVersionsRebuiltAtOnceAreCaughtUpByOneReadAndEqualTheLiveOnes() {
        LedgerScenario scenario = new LedgerScenario(events).run("c-1", "c-2");
        List<String> names = catalog.projections().stream().map(Projection::name).toList();
        for (String name : names) {
            EventAppender.await(() -> applied(name, active(name)) >= scenario.last());
        }
        double readBefore = caughtUp();
        Map<String, Integer> live = new HashMap<>();
        for (String name : names) {
            live.put(name, active(name));
            http.post().uri("/api/v1/admin/projections/{name}/rebuild?swap=manual", name).exchange()
                    .expectStatus().isAccepted();
        }
        for (String name : names) {
            int old = live.get(name);
            EventAppender.await(() -> applied(name, old + 1) >= scenario.last());
            assertThat(TableChecksums.of(jdbc, catalog.tableSet(name, old + 1)).values())
                    .as("rebuilt %s equals live", name)
                    .containsExactlyElementsOf(TableChecksums.of(jdbc, catalog.tableSet(name, old)).values());
        }
        for (String name : names) {
            http.post().uri("/api/v1/admin/projections/{name}/swap", name).exchange().expectStatus().isOk();
            // Filled without its secondary indexes, it has them all before readers see it.
            assertThat(catalog.indexesComplete(catalog.tableSet(name, live.get(name) + 1))).as(name).isTrue();
        }
        // Read once for all (plus what restarts read again), not once per version.
        assertThat(caughtUp() - readBefore).isGreaterThanOrEqualTo(scenario.last())
                .isLessThan((double) names.size() * (scenario.last() + 1));
    }

    private double caughtUp() {
        return meters.find("finflow.projection.catch-up.events").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}
