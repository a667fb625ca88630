/**
 * Not a feature: the service's shared API plumbing, one layer (configuration and what the web layers share): the
 * OpenAPI document, the access rules of the query endpoints, the R2DBC set-up, the query rules, parameter parsing
 * and read-your-writes. It holds no controller and no projection (ModuleBoundaryTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.query.api;
