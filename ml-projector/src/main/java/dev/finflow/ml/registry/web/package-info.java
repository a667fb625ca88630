/**
 * The model registry endpoint: the outermost layer, used by nothing else.
 */
package dev.finflow.ml.registry.web;
