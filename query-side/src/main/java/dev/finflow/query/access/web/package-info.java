/**
 * The accounts endpoint (the accounts the caller may read): the outermost layer, used by nothing else.
 */
package dev.finflow.query.access.web;
