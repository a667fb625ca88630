/**
 * What other features plug into the feature projection (a listener told of recomputed rows): plain code, no Spring.
 */
package dev.finflow.ml.features.domain;
