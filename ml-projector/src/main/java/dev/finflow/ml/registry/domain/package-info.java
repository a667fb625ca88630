/**
 * Model versions, promotion records and the promotion rule (a champion is replaced only by a significantly better
 * candidate): plain code, no Spring.
 */
package dev.finflow.ml.registry.domain;
