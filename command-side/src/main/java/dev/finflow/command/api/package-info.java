/**
 * Not a feature: the command side's shared API plumbing, one layer (what the web layers share, and its
 * configuration): request metadata and its resolver, the field parser and bounds, the strict text check, the
 * accepted answer, the access rules, the OpenAPI document. It holds no controller and no event handler
 * (CommandSideArchitectureTest.flatFeaturesHoldOneLayer).
 */
package dev.finflow.command.api;
