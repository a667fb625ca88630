/**
 * Reconciles a projection with the store on demand, in one repeatable-read snapshot, with the checks of the domain
 * package; and lists the dead letters it reports. Not an event handler, hence process rather than projection.
 */
package dev.finflow.query.verify.process;
