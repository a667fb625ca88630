/**
 * The valuation endpoint: the outermost layer, used by nothing else.
 */
package dev.finflow.query.valuations.web;
