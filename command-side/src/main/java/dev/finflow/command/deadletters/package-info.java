/**
 * Flat, one layer (configuration): the dead letters of the command side's processes and their admin API,
 * assembled from the runtime's (CommandSideArchitectureTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.command.deadletters;
