/**
 * Flat, one layer (a reader helper used by the web layers): opening sealed personal text on its way out of a read
 * model. No controller, projection or configuration lives here (ModuleBoundaryTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.query.privacy;
