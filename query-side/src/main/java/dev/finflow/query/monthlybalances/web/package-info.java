/**
 * The monthly balances endpoint (paged by asset and month): the outermost layer, used by nothing else.
 */
package dev.finflow.query.monthlybalances.web;
