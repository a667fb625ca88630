package dev.finflow.runtime.processors;

import dev.finflow.problems.Rule;

/**
 * The rules of a service's own vocabulary that the processors' admin API answers with (each service keeps its
 * rules in one enum, so the same three have a constant there).
 */
public record ProcessorRules(Rule processorNotFound, Rule deadLetterNotFound, Rule deadLetterStillFailing) {
}
