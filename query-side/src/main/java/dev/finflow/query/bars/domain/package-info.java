/**
 * The views other features read (instruments, bars, corporate actions), split and dividend adjustment, and the JSON
 * text of findings: plain code, no Spring.
 */
package dev.finflow.query.bars.domain;
