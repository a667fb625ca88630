/**
 * The performance endpoint: the outermost layer, used by nothing else.
 */
package dev.finflow.query.performance.web;
