/**
 * Flat, one layer (configuration): how replicas of the command side coordinate their scheduled jobs through
 * database locks (CommandSideArchitectureTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.command.cluster;
