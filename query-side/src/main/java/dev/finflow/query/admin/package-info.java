/**
 * Flat, one layer (web): the operators' endpoints over projection status, rebuilds, verification and dead
 * letters. Every class here is a controller over the shared runtime; a projection or a configuration added here
 * would mix layers and split the feature (ModuleBoundaryTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.query.admin;
