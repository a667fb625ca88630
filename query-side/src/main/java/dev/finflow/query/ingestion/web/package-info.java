/**
 * The ingestion run endpoints: the outermost layer, used by nothing else.
 */
package dev.finflow.query.ingestion.web;
