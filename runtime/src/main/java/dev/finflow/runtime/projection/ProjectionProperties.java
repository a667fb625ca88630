package dev.finflow.runtime.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How projections run ({@code finflow.query.projections.*}).
 *
 * @param segments          segments of a projection that splits its events by aggregate (shared by instances)
 * @param batchSize         most events applied in one transaction
 * @param pollInterval      how often a caught-up processor looks for new events
 * @param reconcileInterval how often an instance re-reads projection versions and rebalances segments
 * @param retiredGrace      how long a replaced version's tables are kept for readers still using them
 * @param instanceTimeout   an instance silent this long no longer counts when segments are shared out
 * @param stallTimeout      a projection that applies nothing this long while events wait is stalled (readiness
 *                          DOWN)
 * @param catchUpBehind     a version not running yet that is more events than this behind the store (a rebuild, a
 *                          first start) is caught up by one shared read of the store ({@link CatchUp}) before its
 *                          processor starts
 * @param catchUpBatchSize  most events a catch-up applies in one transaction per version
 */
@ConfigurationProperties("finflow.query.projections")
public record ProjectionProperties(@DefaultValue("2") int segments,
                                   @DefaultValue("1000") int batchSize,
                                   @DefaultValue("25ms") Duration pollInterval,
                                   @DefaultValue("500ms") Duration reconcileInterval,
                                   @DefaultValue("10s") Duration retiredGrace,
                                   @DefaultValue("5s") Duration instanceTimeout,
                                   @DefaultValue("2m") Duration stallTimeout,
                                   @DefaultValue("5000") long catchUpBehind,
                                   @DefaultValue("2500") int catchUpBatchSize) {
}
