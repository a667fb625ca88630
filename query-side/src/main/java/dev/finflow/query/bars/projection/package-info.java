/**
 * The bars read model: the projection that keeps instruments, bars, revisions and corporate actions, and the reader
 * over those tables.
 */
package dev.finflow.query.bars.projection;
