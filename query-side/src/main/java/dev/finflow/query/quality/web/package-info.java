/**
 * The quality endpoints: the outermost layer, used by nothing else.
 */
package dev.finflow.query.quality.web;
