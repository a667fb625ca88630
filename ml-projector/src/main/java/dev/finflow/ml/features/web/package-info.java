/**
 * The feature table endpoint: the outermost layer, used by nothing else.
 */
package dev.finflow.ml.features.web;
