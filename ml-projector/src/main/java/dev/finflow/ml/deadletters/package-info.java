/**
 * Flat, one layer (configuration): the dead letters of the ml processors and their admin API, assembled from the
 * runtime's (ModuleBoundaryTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.ml.deadletters;
