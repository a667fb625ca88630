/**
 * Flat, one layer (a scheduled reader): the live forecast accuracy gauges, refreshed from ml.forecast. No
 * controller, event handler or configuration lives here (ModuleBoundaryTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.ml.monitoring;
