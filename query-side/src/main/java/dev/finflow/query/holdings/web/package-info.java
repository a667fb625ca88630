/**
 * The holdings and changes endpoints: the outermost layer, used by nothing else.
 */
package dev.finflow.query.holdings.web;
