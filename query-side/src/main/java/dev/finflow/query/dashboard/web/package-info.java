/**
 * The dashboard's pages: the outermost layer, used by nothing else.
 */
package dev.finflow.query.dashboard.web;
