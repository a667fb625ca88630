/**
 * Not a feature: the ml-projector's shared API plumbing, one layer (configuration and what the web layers share):
 * the access rules, the rules it refuses with, the OpenAPI document, read helpers and symbol parsing. It holds no
 * controller and no event handler (ModuleBoundaryTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.ml.api;
