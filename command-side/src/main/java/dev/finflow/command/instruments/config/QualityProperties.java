package dev.finflow.command.instruments.config;

import dev.finflow.command.instruments.domain.quality.QualityRule;
import dev.finflow.command.instruments.domain.quality.QualitySettings;
import dev.finflow.events.market.Verdict;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The quality rules' thresholds and verdicts ({@code finflow.quality.*}); see {@link QualitySettings}.
 *
 * @param verdicts     rule name to FLAGGED or REJECTED, overriding the defaults
 * @param staleRepeats identical (close, volume) days in a row that make a bar stale
 */
@ConfigurationProperties("finflow.quality")
record QualityProperties(Map<String, Verdict> verdicts, @DefaultValue Jump jump, @DefaultValue("3") int staleRepeats) {

    /** See {@link QualitySettings.Jump}. */
    record Jump(@DefaultValue("20") int window, @DefaultValue("5") int minReturns, @DefaultValue("10") double sigmas,
                @DefaultValue("0.25") double flagFloor, @DefaultValue("1.6") double rejectFloor) {
    }

    QualitySettings settings() {
        Map<QualityRule, Verdict> byRule = new EnumMap<>(QualityRule.class);
        if (verdicts != null) {
            verdicts.forEach((name, verdict) -> {
                QualityRule rule = Arrays.stream(QualityRule.values()).filter(r -> r.id().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("finflow.quality.verdicts: no rule " + name));
                if (verdict == Verdict.ACCEPTED) {
                    throw new IllegalArgumentException("finflow.quality.verdicts." + name
                            + ": a finding flags or rejects; remove the rule's entry instead of ACCEPTED");
                }
                byRule.put(rule, verdict);
            });
        }
        return new QualitySettings(byRule, new QualitySettings.Jump(jump.window(), jump.minReturns(), jump.sigmas(),
                jump.flagFloor(), jump.rejectFloor()), staleRepeats);
    }
}
