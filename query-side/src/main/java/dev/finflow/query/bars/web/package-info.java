/**
 * The bar endpoints and their Server-Sent Events stream: the outermost layer, used by nothing else.
 */
package dev.finflow.query.bars.web;
