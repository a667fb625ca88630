/**
 * Flat, one layer (configuration): the trading calendars of market.yml, built from their properties. No
 * controller or event handler lives here (CommandSideArchitectureTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.command.calendar;
