package dev.finflow.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tallies, per fault type, what the service's verdicts caught: true and false positives, misses, verdicts. */
final class Score {

    final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    final Map<Fault, Integer> caught = new EnumMap<>(Fault.class);
    final Map<Fault, Integer> falseAlarms = new EnumMap<>(Fault.class);
    final Map<Fault, Integer> rejected = new EnumMap<>(Fault.class);
    int cleanBars;
    int cleanFlagged;
    int cleanRejected;
    int notYetStaleFlagged;
    int notYetStale;

    /** Scores one faulted series' answer. {@code gaps} are the missing trading days the calendar finds. */
    void add(FaultInjector injection, JsonNode answer, Set<LocalDate> gaps, Set<LocalDate> realGaps) {
        Map<LocalDate, Set<String>> rules = new HashMap<>();
        Map<LocalDate, String> verdicts = new HashMap<>();
        for (JsonNode finding : answer.get("findings")) {
            LocalDate date = LocalDate.parse(finding.get("date").asText());
            rules.computeIfAbsent(date, d -> new HashSet<>()).add(finding.get("rule").asText());
            verdicts.put(date, finding.get("verdict").asText());
        }
        injection.injected.forEach((fault, n) -> injected.merge(fault, n, Integer::sum));
        Set<LocalDate> sent = new HashSet<>();
        for (DailyBar bar : injection.batch) {
            if (!sent.add(bar.date())) {
                continue; // the injected duplicate; scored from the duplicate count below
            }
            Fault fault = injection.truth.get(bar.date());
            Set<String> found = rules.getOrDefault(bar.date(), Set.of());
            if (injection.notYetStale.contains(bar.date())) {
                notYetStale++;
                notYetStaleFlagged += found.isEmpty() ? 0 : 1;
            } else if (fault != null) {
                if (found.contains(fault.rule)) {
                    caught.merge(fault, 1, Integer::sum);
                    if ("REJECTED".equals(verdicts.get(bar.date()))) {
                        rejected.merge(fault, 1, Integer::sum);
                    }
                }
            } else {
                cleanBars++;
                if (!found.isEmpty()) {
                    cleanFlagged += "FLAGGED".equals(verdicts.get(bar.date())) ? 1 : 0;
                    cleanRejected += "REJECTED".equals(verdicts.get(bar.date())) ? 1 : 0;
                }
                for (Fault candidate : Fault.values()) {
                    if (candidate.rule != null && found.contains(candidate.rule)) {
                        falseAlarms.merge(candidate, 1, Integer::sum);
                    }
                }
            }
        }
        int duplicates = answer.get("duplicates").asInt();
        int injectedDuplicates = injection.injected.getOrDefault(Fault.DUPLICATE, 0);
        caught.merge(Fault.DUPLICATE, Math.min(duplicates, injectedDuplicates), Integer::sum);
        falseAlarms.merge(Fault.DUPLICATE, Math.max(0, duplicates - injectedDuplicates), Integer::sum);
        for (LocalDate gap : gaps) {
            if (injection.removed.contains(gap)) {
                caught.merge(Fault.REMOVED, 1, Integer::sum);
            } else if (!realGaps.contains(gap) && !injection.truth.containsKey(gap)) {
                falseAlarms.merge(Fault.REMOVED, 1, Integer::sum);
            }
        }
    }

    void print() {
        System.out.printf("%-18s %9s %9s %8s %10s %9s  %s%n", "fault type", "injected", "caught", "recall",
                "precision", "rejected", "rule");
        for (Fault fault : Fault.values()) {
            int n = injected.getOrDefault(fault, 0);
            int tp = caught.getOrDefault(fault, 0);
            int fp = falseAlarms.getOrDefault(fault, 0);
            System.out.printf("%-18s %9d %9d %8.4f %10.4f %9s  %s%n", fault.label, n, tp, n == 0 ? 0 : tp / (double) n,
                    tp + fp == 0 ? 0 : tp / (double) (tp + fp),
                    fault.rule == null ? "-" : String.valueOf(rejected.getOrDefault(fault, 0)),
                    fault == Fault.REMOVED ? "calendar gap check (weekdays minus holidays)"
                            : fault == Fault.DUPLICATE ? "duplicate count" : fault.rule);
        }
        System.out.printf("stale copies 2 days in a row (below the 3-day rule, not scored): %d of %d flagged%n",
                notYetStaleFlagged, notYetStale);
        System.out.printf("clean bars of the faulted series flagged: %d, rejected: %d of %d (%.3f%%)%n",
                cleanFlagged, cleanRejected, cleanBars, 100.0 * (cleanFlagged + cleanRejected) / cleanBars);
    }

}
