/**
 * The audit endpoints over the audit trail's table: the outermost layer, used by nothing else.
 */
package dev.finflow.query.audit.web;
