/**
 * The transactions endpoints: the outermost layer, used by nothing else.
 */
package dev.finflow.query.transactions.web;
