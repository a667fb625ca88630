/**
 * Valuing an account's holdings on a day: reading the holdings as of that day (from the holdings projection's
 * tables, or as known at an instant) and pricing each at its latest kept close, in the account's currency.
 * Valuations keep no table of their own, so this is not a projection; it reads other features' read models and
 * uses Reactor, so it is not a domain package either.
 */
package dev.finflow.query.valuations.pricing;
