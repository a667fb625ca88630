/**
 * The data-quality read model: the projection that counts verdicts and issues per symbol and tracks staleness.
 */
package dev.finflow.query.quality.projection;
