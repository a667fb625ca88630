/**
 * The audit trail's read model: the projection that keeps every ledger event as recorded, with who, why and when
 * (append-only, so rebuilt without its secondary indexes).
 */
package dev.finflow.query.audit.projection;
