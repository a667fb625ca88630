/**
 * Flat, one layer (settings): the configured watchlists and their properties, read by the scheduled ingestion. No
 * controller, event handler or configuration class lives here
 * (CommandSideArchitectureTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.command.ingestion.watchlists;
