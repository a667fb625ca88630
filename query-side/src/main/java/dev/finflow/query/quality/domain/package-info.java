/**
 * The quality report and overview views: plain records.
 */
package dev.finflow.query.quality.domain;
