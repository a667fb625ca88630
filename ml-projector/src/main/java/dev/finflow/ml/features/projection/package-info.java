/**
 * The event handler that turns ingested and corrected bars into feature rows, and the table it writes and others
 * read.
 */
package dev.finflow.ml.features.projection;
